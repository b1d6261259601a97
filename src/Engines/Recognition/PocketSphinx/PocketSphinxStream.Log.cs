using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

internal sealed partial class PocketSphinxStream
{
    [LoggerMessage(EventId = 20, EventName = "NoCepstralMeanAccess", Level = LogLevel.Warning, Message = "This libsphinxbase's feature layout is not the expected one: streaming uses the library's live CMN (markedly less accurate)")]
    private static partial void LogNoCepstralMeanAccess(ILogger logger);

    [LoggerMessage(EventId = 21, EventName = "CatchUpLate", Level = LogLevel.Debug, Message = "The catch-up pass was not done within {Milliseconds} ms; the final comes from the live pass")]
    private static partial void LogCatchUpLate(ILogger logger, double milliseconds);
}
