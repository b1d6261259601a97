using OpenTelemetry.Metrics;
using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.Gateway.Hosting;

internal static class MetricsHosting
{
    /// <summary>
    /// OpenTelemetry metrics of every SpeechCluster meter, scraped by Prometheus at <c>/metrics</c>;
    /// traces, and OTLP export of all three signals, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddSpeechClusterObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSpeechClusterTelemetry(builder.Configuration, "speechcluster-gateway");
        builder.Services.AddSpeechClusterMeters();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        return builder;
    }
}
