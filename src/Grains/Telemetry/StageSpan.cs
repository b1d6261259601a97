using System.Diagnostics;
using SpeechCluster.Grains.Session;

namespace SpeechCluster.Grains.Telemetry;

/// <summary>
/// One stage of a final: its span (null when nobody traces) and its start, for the stage latency
/// histogram. A default value (a partial's stage) does nothing.
/// </summary>
internal readonly struct StageSpan(Activity? span, string? stage, long started) : IDisposable
{
    public Activity? Span => span;

    /// <summary>Marks the stage failed with the exception's type only: messages may quote what was said.</summary>
    public void Failed(Exception exception)
    {
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span?.SetTag("error.type", exception.GetType().FullName);
    }

    public void Dispose()
    {
        if (stage is null)
        {
            return;
        }

        SessionMetrics.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
        span?.Dispose();
    }
}
