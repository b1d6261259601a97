namespace SpeechCluster.Gateway.Hosting;

/// <summary>
/// Kestrel's own connection limits, settable in configuration under <c>Kestrel:Limits</c>
/// (<c>RequestHeadersTimeout</c>, <c>KeepAliveTimeout</c>, <c>MaxConcurrentConnections</c>...):
/// Kestrel reads only endpoints and certificates from its section, so without this a deployment
/// could not bound a slow or silent client without recompiling.
/// </summary>
internal static class KestrelLimits
{
    public const string Section = "Kestrel:Limits";

    /// <summary>
    /// How long a client may take to send its request headers (a slowloris holds a connection
    /// open by trickling them). A WebSocket client sends its upgrade request, a few hundred bytes,
    /// right after connecting, so Kestrel's 30 s is far more than any needs. Default: 10 s.
    /// </summary>
    public static readonly TimeSpan DefaultRequestHeadersTimeout = TimeSpan.FromSeconds(10);

    public static WebApplicationBuilder ConfigureKestrelLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.Limits.RequestHeadersTimeout = DefaultRequestHeadersTimeout;
            context.Configuration.GetSection(Section).Bind(kestrel.Limits);
        });
        return builder;
    }
}
