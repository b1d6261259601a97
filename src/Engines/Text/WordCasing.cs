namespace SpeechCluster.Engines.Text;

/// <summary>Word casing from a <see cref="CasingLexicon"/>, plus the English pronoun "I" and its contractions.</summary>
internal static class WordCasing
{
    public static void Apply(IEnumerable<TextWord> words, CasingLexicon lexicon, bool english)
    {
        foreach (var word in words)
        {
            if (word.CasingFixed || word.Hidden)
            {
                continue;
            }

            var key = word.Key;
            if (english && (key == "i" || (key.Length > 2 && key[0] == 'i' && key[1] == '\'')))
            {
                word.Display = "I" + key[1..];
            }
            else if (lexicon.Lookup(key) is { } form)
            {
                word.Display = form;
            }
            else if (key.EndsWith("'s", StringComparison.Ordinal) && lexicon.Lookup(key[..^2]) is { } owner)
            {
                word.Display = owner + "'s";
            }
        }
    }

    /// <summary>Upper-cases the first letter ("so" -> "So", "iPhone" stays).</summary>
    public static void CapitalizeFirst(TextWord word)
    {
        var display = word.Display;
        if (display.Length > 0 && char.IsLower(display[0]) && !(display.Length > 1 && char.IsUpper(display[1])))
        {
            word.Display = char.ToUpperInvariant(display[0]) + display[1..];
        }
    }
}
