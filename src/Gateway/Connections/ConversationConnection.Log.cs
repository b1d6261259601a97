namespace SpeechCluster.Gateway.Connections;

internal sealed partial class ConversationConnection
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 100, EventName = "ConversationEnded", Level = LogLevel.Information,
            Message = "Conversation of tenant {Tenant} ended with close {CloseStatus} {Reason}")]
        public static partial void ConversationEnded(ILogger logger, string tenant, int closeStatus, string reason);

        [LoggerMessage(EventId = 101, EventName = "SessionFailed", Level = LogLevel.Error,
            Message = "The session grain of tenant {Tenant} failed")]
        public static partial void SessionFailed(ILogger logger, string tenant, Exception exception);

        [LoggerMessage(EventId = 102, EventName = "CloseFailed", Level = LogLevel.Debug,
            Message = "Closing the WebSocket of tenant {Tenant} failed: {Error}")]
        public static partial void CloseFailed(ILogger logger, string tenant, string error);

        [LoggerMessage(EventId = 103, EventName = "ClusterOverloaded", Level = LogLevel.Warning,
            Message = "The speech cluster shed a call of a conversation of tenant {Tenant}; closing it with 1013")]
        public static partial void ClusterOverloaded(ILogger logger, string tenant);

        [LoggerMessage(EventId = 104, EventName = "ClientNotReading", Level = LogLevel.Warning,
            Message = "A client of tenant {Tenant} took no result for {SendTimeout}; its connection is aborted (its conversation waits to be resumed)")]
        public static partial void ClientNotReading(ILogger logger, string tenant, TimeSpan sendTimeout);
    }
}
