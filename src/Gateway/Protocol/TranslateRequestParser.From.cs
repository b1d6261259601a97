using SpeechCluster.Gateway.Languages;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Gateway.Protocol;

internal static partial class TranslateRequestParser
{
    /// <summary>
    /// The locale of <c>from</c>, or the candidate locales of <c>from=en-US,es-ES</c> (the detection
    /// extension): each a supported speech locale, none twice, all served by one model that can
    /// detect which of them is spoken. A list with one entry (<c>from=en-US,</c>) is that entry.
    /// </summary>
    private static IReadOnlyList<SpeechLocale> ParseFrom(string from, LanguageCatalog catalog, out string? error)
    {
        error = null;
        var given = from.Contains(',', StringComparison.Ordinal)
            ? from.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [from];
        if (given.Length <= 1)
        {
            var single = given.Length == 1 ? given[0] : from;
            if (catalog.ResolveSpeechLocale(single) is { } locale)
            {
                return [locale];
            }

            error = $"from={Clip(from)} is not a supported speech language; supported: {Supported(catalog)}";
            return [];
        }

        var candidates = new List<SpeechLocale>();
        foreach (var candidate in given)
        {
            if (catalog.ResolveSpeechLocale(candidate) is not { } locale)
            {
                error = $"from={Clip(from)}: '{Clip(candidate)}' is not a supported speech language; supported: {Supported(catalog)}";
                return [];
            }

            if (candidates.Any(c => c.Locale.Equals(locale.Locale, StringComparison.OrdinalIgnoreCase)))
            {
                error = $"from={Clip(from)}: {locale.Locale} is given twice";
                return [];
            }

            candidates.Add(locale);
        }

        error = DetectionProblem(from, candidates);
        return candidates;
    }

    /// <summary>Why the candidates cannot be detected among, or null when one detecting model serves them all.</summary>
    private static string? DetectionProblem(string from, IReadOnlyList<SpeechLocale> candidates)
    {
        var first = candidates[0];
        var problem = $"from={Clip(from)}: detecting the spoken language needs one multilingual Whisper model serving every candidate; ";
        if (candidates.FirstOrDefault(c => !c.Detects) is { } fixedLanguage)
        {
            return problem + $"{fixedLanguage.Model ?? "its recognizer"} serves {fixedLanguage.Locale} and cannot detect";
        }

        return candidates.FirstOrDefault(c => !c.DetectsWith(first)) is { } other
            ? problem + $"{first.Model} serves {first.Locale}, {other.Model} {other.Locale}"
            : null;
    }

    private static string Supported(LanguageCatalog catalog) => string.Join(", ", catalog.Engines.SpeechLocales.Select(s => s.Locale));
}
