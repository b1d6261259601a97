namespace SpeechCluster.Engines.Text;

/// <summary>
/// Regular inflected and derived forms of a word, over-generated on purpose: the candidates for
/// profanity matching, which <see cref="InnocentForms"/> then prunes with a dictionary.
/// </summary>
internal static class Inflections
{
    /// <summary>Forms with whether each is an inflection (plural, past, participle) rather than a derivation (-er, -y).</summary>
    public static IEnumerable<(string Form, bool Inflection)> Of(string word, string language)
    {
        if (word.Length < 2 || !char.IsLetter(word[^1]))
        {
            yield break;
        }

        yield return (word + "s", true);
        switch (language)
        {
            case "en":
                foreach (var form in English(word))
                {
                    yield return form;
                }

                break;
            case "es" or "pt" or "it":
                yield return (word + "es", true);
                if (word[^1] is 'o' or 'a')
                {
                    var stem = word[..^1];
                    yield return (stem + "o", true);
                    yield return (stem + "a", true);
                    yield return (stem + "os", true);
                    yield return (stem + "as", true);
                }

                break;
        }
    }

    /// <summary>A one-syllable word ending consonant-vowel-consonant, whose final consonant doubles ("rap" -> "rapped").</summary>
    public static bool DoublesFinalConsonant(string word) =>
        word.Length >= 3 && !IsVowel(word[^1]) && word[^1] is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3])
        && word[..^2].All(c => !IsVowel(c));

    private static IEnumerable<(string, bool)> English(string word)
    {
        (string Ending, bool Inflection)[] endings = [("es", true), ("ed", true), ("ing", true), ("er", false), ("ers", false), ("y", false), ("in", false)];
        foreach (var (ending, inflection) in endings)
        {
            yield return (word + ending, inflection);
        }

        var last = word[^1];
        if (last == 'e')
        {
            var stem = word[..^1];
            yield return (stem + "ing", true);
            yield return (stem + "in", false);
            yield return (word + "d", true);
            yield return (word + "r", false);
            yield return (word + "rs", false);
        }
        else if (last == 'y' && !IsVowel(word[^2]))
        {
            var stem = word[..^1];
            yield return (stem + "ies", true);
            yield return (stem + "ied", true);
        }
        else if (word.Length >= 3 && !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3]))
        {
            // Consonant doubling: "shit" -> "shitting", "shitty".
            foreach (var (ending, inflection) in endings[1..])
            {
                yield return (word + last + ending, inflection);
            }
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
