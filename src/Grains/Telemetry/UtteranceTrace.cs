using System.Diagnostics;

namespace SpeechCluster.Grains.Telemetry;

/// <summary>
/// One utterance's trace as the session grain holds it: the utterance span, its vad span until the
/// endpointer closes the utterance, and the stages started under it. Every member does nothing
/// but time the stage when nobody traces (the activities are then null). Used on the grain's scheduler.
/// </summary>
internal sealed class UtteranceTrace(Activity? utterance, Activity? vad, bool includeText)
{
    /// <summary>Times the stages of an utterance that nobody traces.</summary>
    public static readonly UtteranceTrace Untraced = new(null, null, includeText: false);

    private Activity? _vad = vad;

    public Activity? Activity => utterance;

    /// <summary>The endpointer closed the utterance: the vad span (the listening) ends; positions in stream milliseconds.</summary>
    public void Endpointed(long audioStartMilliseconds, long audioEndMilliseconds)
    {
        utterance?.SetTag("speechcluster.audio.start_ms", audioStartMilliseconds);
        utterance?.SetTag("speechcluster.audio.duration_ms", audioEndMilliseconds - audioStartMilliseconds);
        StopListening();
    }

    private void StopListening()
    {
        if (_vad is { } listening)
        {
            _vad = null;
            SpeechTracing.Detached(() => { listening.Stop(); return 0; });
        }
    }

    /// <summary>
    /// A stage of the final: a child of the stage that is current (a translation's TrueText) or of
    /// the utterance, current itself until disposed so that the worker grain calls made in it
    /// (Orleans' activity propagation) nest under it. Always timed for the stage histogram.
    /// </summary>
    public StageSpan Stage(string stage, string? language = null, string? target = null)
    {
        Activity? span = null;
        if (utterance is not null)
        {
            var current = Activity.Current;
            var parent = current is not null && current.Source == SpeechTracing.Session && current.TraceId == utterance.TraceId
                ? current.Context
                : utterance.Context;
            span = SpeechTracing.Session.StartActivity(stage, ActivityKind.Internal, parent);
            if (span is not null)
            {
                span.SetTag(SpeechTracing.ConversationIdAttribute, utterance.GetTagItem(SpeechTracing.ConversationIdAttribute));
                span.SetTag(SpeechTracing.UtteranceIdAttribute, utterance.GetTagItem(SpeechTracing.UtteranceIdAttribute));
                span.SetTag(SpeechTracing.LanguageAttribute, language);
                span.SetTag(SpeechTracing.TargetAttribute, target);
            }
        }

        return new StageSpan(span, stage, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// What a stage produced: its length always, the text itself only when an operator turned
    /// <c>SpeechCluster:Telemetry:IncludeText</c> on (transcripts are the users' words).
    /// </summary>
    public void Text(Activity? span, string text)
    {
        span?.SetTag("speechcluster.text.length", text.Length);
        if (includeText)
        {
            span?.SetTag(SpeechTracing.TextAttribute, text);
        }
    }

    public void Event(string name, int attempt) =>
        utterance?.AddEvent(new ActivityEvent(name, tags: new ActivityTagsCollection { ["speechcluster.attempt"] = attempt }));

    /// <summary>Ends the utterance's trace (once): published, abandoned, or empty (nothing recognized).</summary>
    public void End(string outcome)
    {
        StopListening();
        if (utterance is { IsStopped: false } span)
        {
            span.SetTag(SpeechTracing.OutcomeAttribute, outcome);
            SpeechTracing.Detached(() => { span.Stop(); return 0; });
        }
    }
}
