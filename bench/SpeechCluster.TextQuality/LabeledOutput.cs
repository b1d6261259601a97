namespace SpeechCluster.TextQuality;

/// <summary>Reads which input words a Labeled TrueText output removed.</summary>
internal static class LabeledOutput
{
    private const string Open = "<disfluency>";
    private const string Close = "</disfluency>";

    /// <summary>
    /// Walks the output's words in order: words inside the tags were removed. Fluent words are matched
    /// to the input by their lower-case letters; a fluent output word that matches none of the next
    /// few input words is a rewritten number ("25" for "twenty five") and consumes nothing.
    /// </summary>
    public static bool[] RemovedFlags(IReadOnlyList<string> input, string output)
    {
        var removed = new bool[input.Count];
        var inside = false;
        var next = 0;
        foreach (var raw in output.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw;
            var opens = token.StartsWith(Open, StringComparison.Ordinal);
            if (opens)
            {
                token = token[Open.Length..];
                inside = true;
            }

            var closes = token.Contains(Close, StringComparison.Ordinal);
            token = token.Replace(Close, "", StringComparison.Ordinal);
            var key = Key(token);
            var found = -1;
            for (var k = next; k < Math.Min(input.Count, next + 6) && found < 0; k++)
            {
                if (Key(input[k]) == key)
                {
                    found = k;
                }
            }

            if (found >= 0)
            {
                removed[found] = inside;
                next = found + 1;
            }

            if (closes)
            {
                inside = false;
            }
        }

        return removed;
    }

    private static string Key(string word) => new([.. word.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '\'')]);
}
