using Microsoft.Extensions.Logging;

namespace SpeechCluster.Grains.Session;

internal sealed partial class SessionGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 200, EventName = "SessionStarted", Level = LogLevel.Debug,
            Message = "Session {Session} started: {Locale} to {Targets}")]
        public static partial void Started(ILogger logger, string session, string locale, string targets);

        [LoggerMessage(EventId = 201, EventName = "StageFailed", Level = LogLevel.Warning,
            Message = "The {Stage} stage failed for utterance {Utterance}")]
        public static partial void StageFailed(ILogger logger, string stage, int utterance, Exception exception);
    }
}
