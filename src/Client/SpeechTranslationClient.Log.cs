using Microsoft.Extensions.Logging;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "Connected", Level = LogLevel.Debug,
            Message = "Connected to {Uri} (request {RequestId}, conversation {ConversationId})")]
        public static partial void Connected(ILogger logger, Uri uri, string? requestId, string? conversationId);

        [LoggerMessage(EventId = 2, EventName = "ServerClosed", Level = LogLevel.Debug, Message = "The server closed the session: {Status}")]
        public static partial void ServerClosed(ILogger logger, string status);

        [LoggerMessage(EventId = 3, EventName = "CloseTimedOut", Level = LogLevel.Warning,
            Message = "No Close from the server within {Timeout} of the client's Close; aborting")]
        public static partial void CloseTimedOut(ILogger logger, TimeSpan timeout);

        [LoggerMessage(EventId = 4, EventName = "ConnectionLost", Level = LogLevel.Warning, Message = "Session ended abnormally: {Reason}")]
        public static partial void ConnectionLost(ILogger logger, string reason, Exception exception);

        [LoggerMessage(EventId = 5, EventName = "UnrecognizedMessage", Level = LogLevel.Debug,
            Message = "The server sent a text message that is not a result ({Length} characters)")]
        public static partial void UnrecognizedMessage(ILogger logger, int length);

        [LoggerMessage(EventId = 6, EventName = "CloseAnswerFailed", Level = LogLevel.Debug, Message = "Could not answer the server's Close")]
        public static partial void CloseAnswerFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 7, EventName = "Reconnecting", Level = LogLevel.Warning,
            Message = "Connection lost; resuming the session after final {ResumeFrom}")]
        public static partial void Reconnecting(ILogger logger, string resumeFrom, Exception exception);

        [LoggerMessage(EventId = 8, EventName = "ReconnectAttemptFailed", Level = LogLevel.Information,
            Message = "Reconnect attempt {Attempt} failed; next in {Delay}")]
        public static partial void ReconnectAttemptFailed(ILogger logger, int attempt, TimeSpan delay, Exception? exception);

        [LoggerMessage(EventId = 9, EventName = "Reconnected", Level = LogLevel.Information,
            Message = "Session resumed after {Attempts} attempt(s) (request {RequestId})")]
        public static partial void Reconnected(ILogger logger, int attempts, string? requestId);
    }
}
