namespace SpeechCluster.Engines.Text;

/// <summary>The rules and word lists of one language, loaded once. Immutable after construction.</summary>
internal sealed class LanguageResources
{
    public required string Language { get; init; }

    public required LanguageRules Rules { get; init; }

    public required CasingLexicon Casing { get; init; }

    public required ProfanityLexicon Profanity { get; init; }

    public bool IsEnglish => Language == "en";

    /// <summary>The language's hunspell dictionary: xx_XX.dic first (es_ES, en_US by SCOWL's country), else any xx_*.dic.</summary>
    public static string? FindHunspell(string directory, string language)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var preferred = Path.Combine(directory, language == "en" ? "en_US.dic" : $"{language}_{language.ToUpperInvariant()}.dic");
        return File.Exists(preferred)
            ? preferred
            : Directory.EnumerateFiles(directory, language + "_*.dic").Order(StringComparer.Ordinal).FirstOrDefault();
    }
}
