using System.Globalization;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>Whisper's language code for a locale: mostly ISO 639-1, with a few of Whisper's own.</summary>
internal static class WhisperLanguages
{
    // Where Whisper's tokens differ from the locale's two-letter code (OpenAI's whisper/tokenizer.py).
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jv"] = "jw", // Javanese
        ["nb"] = "no", // Norwegian Bokmål
        ["fil"] = "tl", // Filipino as Tagalog
        ["iw"] = "he", // Hebrew's old code
    };

    public static string FromLocale(string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        var language = new CultureInfo(locale).TwoLetterISOLanguageName;
        if (language.Length != 2)
        {
            language = locale.Split('-', '_')[0];
        }

        language = language.ToLowerInvariant();
        return Renamed.GetValueOrDefault(language, language);
    }
}
