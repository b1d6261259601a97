using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Grains.Hosting;

/// <summary>
/// OpenTelemetry for gateways and silos: SpeechCluster's traces (and the Orleans grain calls made
/// inside them), its meters, and the logs, exported over OTLP when an endpoint is configured.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>Latency buckets (ms) fine enough to read medians and p95s of speech latencies from.</summary>
    private static readonly double[] LatencyBuckets =
        [5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 600, 700, 800, 1000, 1250, 1500, 2000, 3000, 5000, 10000];

    /// <param name="serviceName">The resource's service name unless <c>OTEL_SERVICE_NAME</c> is set.</param>
    public static IServiceCollection AddSpeechClusterTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (string.IsNullOrEmpty(configuration[TelemetrySettings.OtlpEndpointKey]))
        {
            // No listener at all: the session's spans and Orleans' call activities are never created.
            return services;
        }

        // The OTLP exporter reads its endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* settings itself.
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrEmpty(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(serviceName);
                }
            })
            .WithTracing(tracing => tracing.AddSpeechClusterTracing().AddOtlpExporter())
            .WithMetrics(metrics => metrics.AddOtlpExporter())
            .WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeScopes = true);
        return services.AddSpeechClusterMeters();
    }

    /// <summary>
    /// SpeechCluster's meters in the process's meter provider, once however many exporters ask
    /// (a second view of the same instruments would export each of them twice).
    /// </summary>
    public static IServiceCollection AddSpeechClusterMeters(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MetersAdded)))
        {
            return services;
        }

        services.AddSingleton<MetersAdded>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddSpeechClusterMeters());
        return services;
    }

    /// <summary>
    /// SpeechCluster's activity sources and Orleans' application grain calls, sampled so that a trace
    /// begins only at a conversation or an utterance: the grain calls that carry audio every 100 ms
    /// belong to neither and are not recorded.
    /// </summary>
    public static TracerProviderBuilder AddSpeechClusterTracing(this TracerProviderBuilder tracing) => tracing
        .AddSource(SpeechTracing.SessionSourceName, SpeechTracing.GatewaySourceName)
        .AddSource(Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName)
        .SetSampler(new SpeechClusterSampler());

    /// <summary>
    /// Every SpeechCluster meter, its millisecond histograms with <see cref="LatencyBuckets"/>, and
    /// the runtime's own (GC heap and committed memory, working set, thread pool queue, lock
    /// contention): memory per conversation and a starved thread pool are questions operators ask.
    /// </summary>
    public static MeterProviderBuilder AddSpeechClusterMeters(this MeterProviderBuilder metrics) => metrics
        .AddMeter("SpeechCluster.*")
        .AddMeter("System.Runtime")
        .AddView(instrument => instrument.Meter.Name.StartsWith("SpeechCluster", StringComparison.Ordinal) && instrument.Unit == "ms"
            ? new ExplicitBucketHistogramConfiguration { Boundaries = LatencyBuckets }
            : null);

    private sealed class MetersAdded;
}
