using System.Collections.Frozen;
using System.Text.Json;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// The profanities of one language: the entries of the LDNOOBW list (npm <c>naughty-words</c>), single
/// words with their inflections ("fucked", "bitches") and phrases ("piece of shit"), matched on whole
/// lower-case words. An inflection is dropped when the language's hunspell dictionary knows it as an
/// innocent word or as a form of one ("butter", "spiced" are not forms of "butt", "spic"). Immutable,
/// thread-safe.
/// </summary>
internal sealed class ProfanityLexicon
{
    public static readonly ProfanityLexicon Empty = new(FrozenSet<string>.Empty, FrozenDictionary<string, string[][]>.Empty, 0);

    private readonly FrozenSet<string> _words;
    private readonly FrozenDictionary<string, string[][]> _phrases;

    private ProfanityLexicon(FrozenSet<string> words, FrozenDictionary<string, string[][]> phrases, int listed)
    {
        _words = words;
        _phrases = phrases;
        ListedCount = listed;
        MaxPhraseWords = phrases.Count == 0 ? 1 : phrases.Values.SelectMany(p => p).Max(p => p.Length);
    }

    /// <summary>How many entries the list had.</summary>
    public int ListedCount { get; }

    /// <summary>How many single-word forms are matched, inflections included.</summary>
    public int FormCount => _words.Count;

    /// <summary>The most words a listed phrase has.</summary>
    public int MaxPhraseWords { get; }

    /// <param name="listPath">The language's JSON array of the naughty-words package.</param>
    /// <param name="dicPath">The language's hunspell .dic (its .aff beside it), or null when there is none.</param>
    public static ProfanityLexicon Load(string listPath, string language, string? dicPath)
    {
        var entries = (JsonSerializer.Deserialize<string[]>(File.ReadAllText(listPath)) ?? [])
            .Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var single = entries.Where(e => !e.Contains(' ')).ToHashSet(StringComparer.Ordinal);
        if (language == "en")
        {
            // "-ie" and "-y" spell one diminutive ("darkie", "darky"): the dictionary knows "darky"
            // and would otherwise pass its plural "darkies" as an innocent word.
            single.UnionWith(single.Where(w => w.Length > 4 && w.EndsWith("ie", StringComparison.Ordinal)).Select(w => w[..^2] + "y").ToList());
        }

        // A form both inflected and derived ("shitty" from "shit" and "shitt") counts as an inflection.
        var candidates = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (form, inflection) in single.SelectMany(w => Inflections.Of(w, language)).Where(f => !single.Contains(f.Form)))
        {
            candidates[form] = inflection || candidates.GetValueOrDefault(form);
        }

        var innocent = dicPath is not null && File.Exists(dicPath) ? InnocentForms.Among(candidates, single, dicPath, language == "en" ? "SDGM" : null) : [];
        var words = single.Union(candidates.Keys.Where(f => !innocent.Contains(f))).ToFrozenSet(StringComparer.Ordinal);
        var phrases = entries.Where(e => e.Contains(' '))
            .Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(p => new[] { p, [.. p[..^1], p[^1] + "s"] })
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal);
        return new ProfanityLexicon(words, phrases, entries.Count);
    }

    /// <summary>How many words from <paramref name="i"/> form a profanity (0: none).</summary>
    public int MatchAt(IReadOnlyList<TextWord> words, int i)
    {
        var key = Normalize(words[i].Key);
        if (_phrases.TryGetValue(key, out var phrases))
        {
            foreach (var phrase in phrases)
            {
                if (i + phrase.Length <= words.Count && Matches(words, i, phrase))
                {
                    return phrase.Length;
                }
            }
        }

        return _words.Contains(key) ? 1 : 0;
    }

    /// <summary>Whether the words from <paramref name="i"/> up to <paramref name="end"/> begin a listed phrase that goes on past it.</summary>
    public bool BeginsPhrase(IReadOnlyList<TextWord> words, int i, int end)
    {
        if (!_phrases.TryGetValue(Normalize(words[i].Key), out var phrases))
        {
            return false;
        }

        var available = end - i;
        return phrases.Any(p => p.Length > available && Matches(words, i, p[..available]));
    }

    private static bool Matches(IReadOnlyList<TextWord> words, int i, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (Normalize(words[i + k].Key) != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"bitch's" and "fuckin'" are matched as "bitch" and "fuckin".</summary>
    private static string Normalize(string key) =>
        key.EndsWith("'s", StringComparison.Ordinal) ? key[..^2] : key.TrimEnd('\'');
}
