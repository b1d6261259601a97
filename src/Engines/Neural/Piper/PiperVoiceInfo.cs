using System.Globalization;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Neural.Piper;

/// <summary>
/// How a Piper voice is listed: <c>en-US-PiperLessac</c> from the config's language code and
/// dataset (or, lacking them, the file name Piper's releases use: <c>en_US-lessac-medium.onnx</c>).
/// Piper's configs say nothing of gender, so it is <c>unknown</c> unless the caller knows better.
/// </summary>
internal static class PiperVoiceInfo
{
    public const string DisplayPrefix = "Piper";
    public const string UnknownGender = "unknown";

    public static VoiceInfo Describe(PiperVoiceConfig config, string modelPath, string? gender)
    {
        var fileParts = Path.GetFileName(modelPath)[..^".onnx".Length].Split('-');
        var code = config.Language?.Code ?? (fileParts[0].Contains('_', StringComparison.Ordinal) ? fileParts[0] : config.Espeak.Voice);
        var subtags = code.Replace('_', '-').Split('-');
        var language = (config.Language?.Family ?? subtags[0]).ToLowerInvariant();
        var region = subtags.Length > 1 ? subtags[1].ToUpperInvariant() : "";
        var locale = region.Length > 0 ? $"{language}-{region}" : language;
        var dataset = config.Dataset ?? (fileParts.Length > 1 ? fileParts[1] : fileParts[0]);
        var name = DisplayPrefix + string.Concat(dataset.Split('_', '-', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return new VoiceInfo(
            Id: $"{locale}-{name}",
            DisplayName: name,
            Gender: gender ?? UnknownGender,
            Locale: locale,
            Language: language,
            LanguageName: config.Language?.NameEnglish ?? CultureName(language),
            RegionName: config.Language?.CountryEnglish ?? RegionName(region));
    }

    private static string CultureName(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return language;
        }
    }

    private static string RegionName(string region)
    {
        try
        {
            return region.Length == 0 ? "" : new RegionInfo(region).EnglishName;
        }
        catch (ArgumentException)
        {
            return region;
        }
    }
}
