using Microsoft.Extensions.Logging;

namespace SpeechCluster.Grains.Session;

internal sealed partial class SessionGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 200, EventName = "SessionStarted", Level = LogLevel.Debug,
            Message = "Session {Session} started: {Locale} to {Targets}")]
        public static partial void Started(ILogger logger, string session, string locale, string targets);

        [LoggerMessage(EventId = 202, EventName = "SessionRecovered", Level = LogLevel.Information,
            Message = "Session {Session} restarted by its gateway after a failure; next final {NextUtterance}")]
        public static partial void Recovered(ILogger logger, string session, int nextUtterance);

        [LoggerMessage(EventId = 203, EventName = "RecognizerLost", Level = LogLevel.Warning,
            Message = "The recognizer of utterance {Utterance} was lost ({Error}); a new one hears it again")]
        public static partial void RecognizerLost(ILogger logger, int utterance, string error);

        [LoggerMessage(EventId = 207, EventName = "PartialSkipped", Level = LogLevel.Warning,
            Message = "The recognizer of utterance {Utterance} did not answer in time ({Error}); no partial this time")]
        public static partial void PartialSkipped(ILogger logger, int utterance, string error);

        [LoggerMessage(EventId = 204, EventName = "SessionDeactivated", Level = LogLevel.Information,
            Message = "Session {Session} deactivated while its conversation was open: {Reason}")]
        public static partial void Deactivated(ILogger logger, string session, string reason);

        [LoggerMessage(EventId = 205, EventName = "SessionDetached", Level = LogLevel.Information,
            Message = "Session {Session} lost its connection; kept for {Window} for the client to resume")]
        public static partial void Detached(ILogger logger, string session, TimeSpan window);

        [LoggerMessage(EventId = 201, EventName = "StageFailed", Level = LogLevel.Warning,
            Message = "The {Stage} stage failed for utterance {Utterance}")]
        public static partial void StageFailed(ILogger logger, string stage, int utterance, Exception exception);
    }
}
