namespace SpeechCluster.Grains.Hosting;

/// <summary>What traces and logs may carry. Section <c>SpeechCluster:Telemetry</c>.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "SpeechCluster:Telemetry";

    /// <summary>
    /// The standard OpenTelemetry variable (read from any configuration source): when it is set,
    /// traces, metrics and logs go to this OTLP collector. Unset: no tracing at all.
    /// </summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Put recognized and translated text into span attributes. Default: false; transcripts are
    /// the users' words, and a trace backend is rarely the place an operator means to keep them.
    /// </summary>
    public bool IncludeText { get; set; }
}
