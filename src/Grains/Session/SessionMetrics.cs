using System.Diagnostics.Metrics;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// The session's latency instruments (meter <c>SpeechCluster.Session</c>). Durations in milliseconds.
/// Exporters (OpenTelemetry, the benchmark's listener) subscribe by meter name.
/// </summary>
internal static class SessionMetrics
{
    public const string MeterName = "SpeechCluster.Session";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>From the endpointer's end-of-utterance decision to the final being ready to send.</summary>
    public static readonly Histogram<double> EndpointToFinal = Meter.CreateHistogram<double>(
        "speechcluster.session.endpoint_to_final", "ms", "End-of-utterance decision to final result published");

    /// <summary>From the final being published to its first spoken translation being published.</summary>
    public static readonly Histogram<double> FinalToAudio = Meter.CreateHistogram<double>(
        "speechcluster.session.final_to_audio", "ms", "Final result published to its first synthesized audio published");

    /// <summary>
    /// Each stage of a final (tag <c>stage</c>: recognition, truetext, translation, synthesis), as the
    /// session waits for it: the worker's work plus the grain call. A translation's TrueText counts in both.
    /// </summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "speechcluster.session.stage_duration", "ms", "One stage of an utterance's final, as the session waited for it");
}
