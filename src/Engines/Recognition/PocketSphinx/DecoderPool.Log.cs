using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

internal sealed partial class DecoderPool
{
    [LoggerMessage(EventId = 1, EventName = "DecoderCreated", Level = LogLevel.Information, Message = "Created PocketSphinx decoder {Count} of at most {Capacity} in {Milliseconds:F0} ms")]
    private static partial void LogDecoderCreated(ILogger logger, int count, int capacity, double milliseconds);

    [LoggerMessage(EventId = 2, EventName = "SpareDecoderFailed", Level = LogLevel.Warning, Message = "Could not make a spare PocketSphinx decoder ahead of time")]
    private static partial void LogSpareFailed(ILogger logger, Exception exception);
}
