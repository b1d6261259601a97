using OpenTelemetry.Metrics;

namespace SpeechCluster.Gateway.Hosting;

internal static class MetricsHosting
{
    /// <summary>Latency buckets (ms) fine enough to read medians and p95s of speech latencies from.</summary>
    private static readonly double[] LatencyBuckets =
        [5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 600, 700, 800, 1000, 1250, 1500, 2000, 3000, 5000, 10000];

    /// <summary>OpenTelemetry metrics of every SpeechCluster meter, scraped by Prometheus at <c>/metrics</c>.</summary>
    public static IServiceCollection AddSpeechClusterMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("SpeechCluster.*")
            .AddView(instrument => instrument.Meter.Name.StartsWith("SpeechCluster", StringComparison.Ordinal) && instrument.Unit == "ms"
                ? new ExplicitBucketHistogramConfiguration { Boundaries = LatencyBuckets }
                : null)
            .AddPrometheusExporter());
        return services;
    }
}
