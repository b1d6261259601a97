using System.Net.WebSockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SpeechCluster.Client;

/// <summary>
/// When a dropped session is resumed, and how hard the client tries (<see cref="SpeechTranslationOptions.AutoReconnect"/>).
/// A Close from the server never is: the gateway keeps a conversation for resuming only when its connection
/// dropped without one (a 1001 on shutdown, a 1003/1007/1009 for bad input, a 1011 or 1013 all end it).
/// </summary>
internal static class ReconnectPolicy
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether a failed receive is a connection that dropped (reset, closed without a Close frame), as opposed
    /// to the server breaking the protocol: .NET reports a malformed frame or invalid UTF-8 as
    /// <see cref="WebSocketError.Faulted"/> after closing with 1002 or 1007 itself, and a server that does that
    /// would do it again.
    /// </summary>
    public static bool IsDrop(Exception failure) => failure switch
    {
        WebSocketException { WebSocketErrorCode: WebSocketError.Faulted or WebSocketError.InvalidMessageType or WebSocketError.HeaderError
            or WebSocketError.NotAWebSocket or WebSocketError.UnsupportedProtocol or WebSocketError.UnsupportedVersion } => false,
        WebSocketException or IOException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>
    /// Whether a failed reconnect is worth another try: the server unreachable or slow, 408, 429 (the dropped
    /// connection may still count against a connection limit until the server notices it), and 5xx (a proxy
    /// or gateway restarting). Other refusals are final: 404 means the conversation expired or is unknown,
    /// 400/401/403 would be answered the same again.
    /// </summary>
    public static bool IsTransient(Exception failure) => failure switch
    {
        SpeechTranslationConnectionException => true,
        SpeechTranslationRejectedException { StatusCode: 408 or 429 or >= 500 } => true,
        _ => false,
    };

    /// <summary>
    /// <see cref="SpeechTranslationOptions.ReconnectAttempts"/> attempts, 250 ms apart and then exponentially
    /// longer (jittered, at most 5 s), all within <see cref="SpeechTranslationOptions.ReconnectBudget"/>.
    /// </summary>
    public static ResiliencePipeline Build(SpeechTranslationOptions options, Func<OnRetryArguments<object>, ValueTask> onRetry)
    {
        // Outermost: the budget covers the attempts and the waits between them.
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.ReconnectBudget });
        if (options.ReconnectAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.ReconnectAttempts - 1,
                Delay = FirstDelay,
                MaxDelay = LongestDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = onRetry,
            });
        }

        return builder.Build();
    }
}
