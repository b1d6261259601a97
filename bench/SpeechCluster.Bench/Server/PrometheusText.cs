namespace SpeechCluster.Bench.Server;

/// <summary>The server's /metrics page (Prometheus text format), fetched once per reading and parsed by <see cref="PrometheusGauges"/> and <see cref="PrometheusHistogram"/>.</summary>
internal static class PrometheusText
{
    private static readonly HttpClient Http = new();

    public static Task<string> FetchAsync(Uri server, CancellationToken cancellationToken) =>
        Http.GetStringAsync(new Uri(server, "/metrics"), cancellationToken);
}
