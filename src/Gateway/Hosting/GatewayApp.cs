using SpeechCluster.Gateway.Metering;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.Gateway.Endpoints;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Gateway.Sessions;

namespace SpeechCluster.Gateway.Hosting;

/// <summary>The gateway application: a table of contents of its features.</summary>
public static class GatewayApp
{
    public const int DefaultPort = 5000;

    /// <param name="configure">Lets tests adjust configuration and services before the app is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        ListenOnLoopbackByDefault(builder);
        builder.ConfigureKestrelLimits();                  // Kestrel:Limits from configuration; request headers within 10 s
        configure?.Invoke(builder);
        TlsCertificateFiles.EnsureReadable(builder.Configuration, builder.Environment.ContentRootPath);   // HTTPS from configuration (README "TLS")

        builder.AddSpeechClusterOrleans();                 // the grains: an embedded silo, or a cluster client
        builder.Services.AddSpeechClusterAuth();           // tenant keys and access tokens
        builder.Services.AddSpeechGateway();               // protocol limits, the language catalog, connections
        builder.AddSpeechClusterMetering();                // per-tenant usage (Redis or a file), monthly quotas
        builder.AddSpeechClusterObservability();           // metrics (/metrics); traces and OTLP export when configured

        var app = builder.Build();
        app.UseRequestIds();                               // X-RequestId on every response
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseDefaultFiles(BrowserPage.DefaultFiles(app.Environment));   // GET / is the browser page's index.html
        app.UseStaticFiles(BrowserPage.StaticFiles(app.Environment));     // the browser page (wwwroot)
        app.MapLanguages();                                // GET /languages
        app.MapTokenEndpoints();                           // POST /sts/v1.0/issueToken, POST /v2/OAuth2-13
        app.MapSpeechTranslate();                          // WebSocket /speech/translate
        app.MapPrometheusScrapingEndpoint();               // GET /metrics
        app.MapHealthEndpoints();                          // GET /healthz, GET /readyz (orchestrator probes)
        app.MapUsage();                                    // GET /admin/usage (admin key)
        app.MapDashboard();                                // /dashboard, the Orleans Dashboard, when enabled (admin key)
        return app;
    }

    private static IServiceCollection AddSpeechGateway(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);
        services.AddSingleton<LanguageCatalogProvider>();
        services.AddSingleton<ConversationRegistry>();
        services.AddSessionRecovery();
        services.AddSingleton<GatewayDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<GatewayDrain>());
        // The host must wait out the drain, the closes after it (results still owed, up to the close
        // timeout), and the embedded silo's own shutdown; its 30 s default would cut the drain short.
        services.AddOptions<HostOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<GatewayOptions>>((host, gateway) =>
            host.ShutdownTimeout = Max(host.ShutdownTimeout, gateway.Value.DrainTimeout + gateway.Value.CloseTimeout + TimeSpan.FromSeconds(15)));
        return services;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// http://127.0.0.1:5000 unless URLs or Kestrel endpoints (HTTPS, see README "TLS") are
    /// configured; the PORT variable changes the port.
    /// </summary>
    private static void ListenOnLoopbackByDefault(WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            var port = builder.Configuration["PORT"] is { Length: > 0 } value ? value : DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
    }
}
