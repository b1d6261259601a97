namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>Whisper's language code for a locale: its language subtag, with a few of Whisper's own.</summary>
internal static class WhisperLanguages
{
    // Where Whisper's tokens differ from the locale's language subtag (OpenAI's whisper/tokenizer.py).
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["jv"] = "jw", // Javanese
        ["nb"] = "no", // Norwegian Bokmål
        ["fil"] = "tl", // Filipino as Tagalog
        ["iw"] = "he", // Hebrew's old code
    };

    public static string FromLocale(string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        var language = locale.Split('-', '_')[0].ToLowerInvariant();
        return Renamed.GetValueOrDefault(language, language);
    }
}
