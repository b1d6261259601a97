using System.Diagnostics;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Gateway.Connections;

/// <summary>
/// The gateway's span of one connection ("conversation"): a root of its own, never current while
/// audio flows (each 100 ms audio call would otherwise add grain-call spans to it); the session's
/// utterance traces link to it.
/// </summary>
internal static class ConversationTracing
{
    private static readonly ActivitySource Source = new(SpeechTracing.GatewaySourceName);

    public static Activity? Start(string conversationId, TranslateRequest request)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var span = SpeechTracing.Detached(() => Source.StartActivity(SpeechTracing.ConversationSpan, ActivityKind.Server, default(ActivityContext)));
        span?.SetTag(SpeechTracing.ConversationIdAttribute, conversationId);
        span?.SetTag(SpeechTracing.LanguageAttribute, request.From);
        span?.SetTag(SpeechTracing.TargetAttribute, string.Join(',', request.Targets));
        span?.SetTag("speechcluster.resumed", request.ResumeFrom is not null);
        return span;
    }

    public static void End(Activity? span, CloseOutcome? outcome, int recoveries)
    {
        if (span is null)
        {
            return;
        }

        if (outcome is not null)
        {
            span.SetTag("websocket.close.code", (int)outcome.Status);
            span.SetStatus(outcome.Status == System.Net.WebSockets.WebSocketCloseStatus.InternalServerError ? ActivityStatusCode.Error : ActivityStatusCode.Unset);
        }

        span.SetTag("speechcluster.recoveries", recoveries);
        SpeechTracing.Detached(() => { span.Stop(); return 0; });
    }
}
