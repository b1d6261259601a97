using System.Diagnostics;

namespace SpeechCluster.Grains.Telemetry;

/// <summary>
/// The names SpeechCluster traces with, and where an utterance's trace begins. Each utterance is a
/// trace of its own (a conversation of an hour would otherwise be one trace of thousands of spans),
/// linked to its conversation's span when the gateway passed one along.
/// </summary>
public static class SpeechTracing
{
    /// <summary>Utterance and stage spans, made by the session grain.</summary>
    public const string SessionSourceName = "SpeechCluster.Session";

    /// <summary>The gateway's conversation spans.</summary>
    public const string GatewaySourceName = "SpeechCluster.Gateway";

    /// <summary>Span names that may begin a trace; every other span is recorded only inside one.</summary>
    public const string UtteranceSpan = "utterance";
    public const string ConversationSpan = "conversation";

    /// <summary>Stage span names, children of <see cref="UtteranceSpan"/>.</summary>
    public const string VadStage = "vad";
    public const string RecognitionStage = "recognition";
    public const string TrueTextStage = "truetext";
    public const string TranslationStage = "translation";
    public const string SynthesisStage = "synthesis";

    /// <summary>
    /// The Orleans request-context key under which a gateway hands its conversation span (W3C
    /// traceparent) to the session grain with the calls that start or resume a conversation.
    /// </summary>
    public const string ConversationContextKey = "speechcluster.conversation-trace";

    public const string ConversationIdAttribute = "speechcluster.conversation.id";
    public const string UtteranceIdAttribute = "speechcluster.utterance.id";
    public const string LanguageAttribute = "speechcluster.language";
    public const string TargetAttribute = "speechcluster.target";
    public const string TextAttribute = "speechcluster.text";
    public const string OutcomeAttribute = "speechcluster.outcome";

    internal static readonly ActivitySource Session = new(SessionSourceName);

    /// <summary>
    /// Starts an utterance's trace: a root span whatever is current (the grain call that carried the
    /// audio belongs to no utterance), linked to the conversation's span. Null when nobody traces.
    /// </summary>
    internal static UtteranceTrace StartUtterance(string conversationId, int utteranceId, string locale, ActivityContext conversation, bool includeText)
    {
        if (!Session.HasListeners())
        {
            return new UtteranceTrace(null, null, includeText);
        }

        var tags = new ActivityTagsCollection
        {
            [ConversationIdAttribute] = conversationId,
            [UtteranceIdAttribute] = utteranceId,
            [LanguageAttribute] = locale,
        };
        ActivityLink[]? links = conversation == default ? null : [new ActivityLink(conversation)];
        var utterance = Detached(() => Session.StartActivity(UtteranceSpan, ActivityKind.Internal, default(ActivityContext), tags, links));
        var vad = utterance is null ? null : Detached(() => Session.StartActivity(VadStage, ActivityKind.Internal, utterance.Context, tags));
        return new UtteranceTrace(utterance, vad, includeText);
    }

    /// <summary>A conversation span context sent as a W3C traceparent; default when absent or malformed.</summary>
    public static ActivityContext ParseConversation(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>
    /// Runs <paramref name="action"/> with no current activity and restores the caller's after: for
    /// spans that start or end in a grain call other than the one whose work they measure.
    /// </summary>
    public static T Detached<T>(Func<T> action)
    {
        var current = Activity.Current;
        Activity.Current = null;
        try
        {
            return action();
        }
        finally
        {
            Activity.Current = current;
        }
    }
}
