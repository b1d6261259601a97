namespace SpeechCluster.Engines.Text;

/// <summary>
/// Which candidate forms a hunspell dictionary knows as innocent words. A derived candidate ("butter"
/// from "butt") is innocent when it is a stem of its own or a form of an innocent stem; an inflected
/// candidate ("groping" from "grope") only when an innocent stem inflects to it ("spiced" from
/// "spice"), since a stem entry "groping" is still the listed word's participle. Stems the dictionary
/// marks NOSUGGEST (its flag for offensive words) are never innocent. A suffix rule that skips the
/// doubling of a one-syllable stem ("rap" + "ed" = "raped") is an artefact of affix compression and
/// is not trusted.
/// </summary>
internal static class InnocentForms
{
    /// <param name="inflectionFlags">
    /// The dictionary's flags that inflect (en_US: S plural, D past, G participle, M possessive), or null
    /// to take every flag as one; "bone" + Z gives "boners", which is not an inflection of "bone".
    /// </param>
    public static HashSet<string> Among(IReadOnlyDictionary<string, bool> candidates, IReadOnlySet<string> listed, string dicPath, string? inflectionFlags)
    {
        var affPath = Path.ChangeExtension(dicPath, ".aff");
        var suffixes = File.Exists(affPath) ? HunspellDictionary.ReadSuffixes(affPath) : null;
        var noSuggest = File.Exists(affPath) ? HunspellDictionary.ReadFlag(affPath, "NOSUGGEST") : null;
        var prefixes = candidates.Keys.Select(Prefix).ToHashSet(StringComparer.Ordinal);
        var innocent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, flags) in HunspellDictionary.ReadStems(dicPath))
        {
            var stem = word.ToLowerInvariant();
            if (listed.Contains(stem) || !prefixes.Contains(Prefix(stem)) || (noSuggest is { } flag && flags.Contains(flag)))
            {
                continue;
            }

            if (candidates.TryGetValue(stem, out var inflection) && !inflection)
            {
                innocent.Add(stem);
            }

            if (suffixes is null)
            {
                continue;
            }

            foreach (var f in flags)
            {
                foreach (var (strip, append, condition) in suffixes[f])
                {
                    if (!stem.EndsWith(strip, StringComparison.Ordinal) || !condition.IsMatch(stem)
                        || (strip.Length == 0 && append.Length > 0 && "aeiouy".Contains(append[0]) && Inflections.DoublesFinalConsonant(stem)))
                    {
                        continue;
                    }

                    var form = stem[..^strip.Length] + append;
                    if (candidates.TryGetValue(form, out var isInflection) && (!isInflection || inflectionFlags is null || inflectionFlags.Contains(f)))
                    {
                        innocent.Add(form);
                    }
                }
            }
        }

        return innocent;
    }

    private static string Prefix(string word) => word.Length <= 3 ? word : word[..3];
}
