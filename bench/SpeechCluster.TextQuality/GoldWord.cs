namespace SpeechCluster.TextQuality;

/// <summary>A word of well-formed text: its written form and the sentence mark after it (".", "?", "!", or none).</summary>
internal sealed record GoldWord(string Key, string Written, char EndMark)
{
    /// <summary>Splits text at white space; edge punctuation is taken off the word, a final .?! is kept as its mark.</summary>
    public static List<GoldWord> Split(string text)
    {
        var words = new List<GoldWord>();
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var written = raw.Trim(Edge);
            var tail = raw.TrimEnd('"', '\'', ')', '»');
            var mark = tail.Length > 0 && tail[^1] is '.' or '?' or '!' ? tail[^1] : '\0';
            if (written.Length == 0)
            {
                if (words.Count > 0 && mark != '\0')
                {
                    words[^1] = words[^1] with { EndMark = mark };
                }

                continue;
            }

            words.Add(new GoldWord(written.ToLowerInvariant(), written, mark));
        }

        return words;
    }

    /// <summary>
    /// What a recognizer would give for the text: lower case, no punctuation (apostrophes and hyphens
    /// inside words stay, "$" and "%" go).
    /// </summary>
    public static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var inside = i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            builder.Append(char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || (inside && c is '\'' or '-' or '’') ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly char[] Edge = ['.', ',', '?', '!', ';', ':', '"', '\'', '(', ')', '«', '»', '“', '”', '¿', '¡', '-', '—', '…'];
}
