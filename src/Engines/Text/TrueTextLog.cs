using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Text;

internal static partial class TrueTextLog
{
    [LoggerMessage(EventId = 1, EventName = "TrueTextLanguageLoaded", Level = LogLevel.Information,
        Message = "TrueText {Language}: {CasingForms} cased word forms, {Profanities} listed profanities ({ProfanityForms} forms with inflections), loaded in {Milliseconds} ms")]
    public static partial void LanguageLoaded(ILogger logger, string language, int casingForms, int profanities, int profanityForms, long milliseconds);

    [LoggerMessage(EventId = 2, EventName = "TrueTextListMissing", Level = LogLevel.Warning,
        Message = "TrueText {Language}: no {List} at {Path}; that step is off for this language (run scripts/setup.sh)")]
    public static partial void ListMissing(ILogger logger, string language, string list, string path);
}
