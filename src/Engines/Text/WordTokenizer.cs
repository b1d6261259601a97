namespace SpeechCluster.Engines.Text;

/// <summary>Splits a text into <see cref="TextWord"/>s at white space, punctuation kept apart from the word.</summary>
internal static class WordTokenizer
{
    /// <summary>
    /// Whether the text already has sentence punctuation or casing (a recognizer that writes text, or
    /// a translation), in which case TrueText keeps them instead of restoring its own.
    /// </summary>
    public static bool IsFormatted(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c) || c is '?' or '!' or ',' or ';' or ':' or '¿' or '¡')
            {
                return true;
            }
        }

        // A full stop counts only after a word of two letters or more ("a." is a spelled letter, "p.m." an abbreviation).
        for (var i = text.IndexOf('.', StringComparison.Ordinal); i >= 0; i = text.IndexOf('.', i + 1))
        {
            var start = i;
            while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            if (i - start >= 2 && (start == 0 || text[start - 1] != '.'))
            {
                return true;
            }
        }

        return false;
    }

    public static List<TextWord> Split(string text, bool keepPunctuation)
    {
        var words = new List<TextWord>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            var end = token.Length;
            while (start < end && IsEdgePunctuation(token[start]))
            {
                start++;
            }

            while (end > start && IsEdgePunctuation(token[end - 1]))
            {
                end--;
            }

            if (start == end)
            {
                // Punctuation alone ("-", "?"): attach it to the word before.
                if (keepPunctuation && words.Count > 0)
                {
                    words[^1].Trail += token;
                }

                continue;
            }

            var core = token[start..end];
            var fragment = end < token.Length && token[end] == '-' && core.Length > 0;
            var lower = core.ToLowerInvariant();
            var word = new TextWord(lower, keepPunctuation ? core : lower, words.Count)
            {
                IsFragment = fragment,
                Lead = keepPunctuation ? token[..start] : "",
                Trail = keepPunctuation || fragment ? token[end..] : "",
            };
            words.Add(word);
        }

        return words;
    }

    // Apostrophes inside words stay ("don't"); a word-final "-" marks a cut-off and is edge punctuation.
    private static bool IsEdgePunctuation(char c) =>
        (char.IsPunctuation(c) || char.IsSymbol(c)) && c is not '\'' and not '%' and not '$' and not '€' and not '£';
}
