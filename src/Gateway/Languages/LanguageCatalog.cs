using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Gateway.Languages;

/// <summary>The engines' catalog with the lookups the protocol needs (all case-insensitive).</summary>
internal sealed class LanguageCatalog(EngineCatalog catalog)
{
    public EngineCatalog Engines { get; } = catalog;

    /// <summary>Every text language: the speech languages and every translation target.</summary>
    public IReadOnlyList<string> TextLanguages { get; } = catalog.SpeechLocales.Select(s => s.Language)
        .Concat(catalog.Pairs.SelectMany(p => new[] { p.From, p.To }))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// <c>en-US</c> as given; a bare language (<c>en</c>) maps to its first locale, and so does a
    /// region no recognizer names (<c>es-MX</c> to <c>es-ES</c>: a Whisper model recognises a language, not a region).
    /// </summary>
    public SpeechLocale? ResolveSpeechLocale(string from) =>
        Engines.SpeechLocales.FirstOrDefault(s => s.Locale.Equals(from, StringComparison.OrdinalIgnoreCase))
        ?? Engines.SpeechLocales.FirstOrDefault(s => s.Language.Equals(from, StringComparison.OrdinalIgnoreCase))
        ?? Engines.SpeechLocales.FirstOrDefault(s => s.Language.Equals(from.Split('-')[0], StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The text language for a <c>to</c> value that <paramref name="source"/> can reach: an exact
    /// language (<c>fr</c>, <c>zh-Hans</c>) or, failing that, the primary subtag of a region tag (<c>fr-fr</c>).
    /// </summary>
    public string? ResolveTarget(string source, string to)
    {
        foreach (var candidate in new[] { to, to.Split('-')[0] })
        {
            if (candidate.Equals(source, StringComparison.OrdinalIgnoreCase))
            {
                return source;
            }

            var pair = Engines.Pairs.FirstOrDefault(p =>
                p.From.Equals(source, StringComparison.OrdinalIgnoreCase) && p.To.Equals(candidate, StringComparison.OrdinalIgnoreCase));
            if (pair is not null)
            {
                return pair.To;
            }
        }

        return null;
    }

    public IEnumerable<string> TargetsOf(string source) =>
        Engines.Pairs.Where(p => p.From.Equals(source, StringComparison.OrdinalIgnoreCase)).Select(p => p.To).Prepend(source);

    public Voice? FindVoice(string id) => Engines.Voices.FirstOrDefault(v => v.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public bool HasVoiceFor(string language) =>
        Engines.Voices.Any(v => v.Language.Equals(language, StringComparison.OrdinalIgnoreCase));
}
