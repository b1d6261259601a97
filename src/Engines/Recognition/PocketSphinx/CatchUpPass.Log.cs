using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

internal sealed partial class CatchUpPass
{
    [LoggerMessage(EventId = 10, EventName = "CatchUpFailed", Level = LogLevel.Warning, Message = "The catch-up pass failed; the final falls back to the live pass")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
