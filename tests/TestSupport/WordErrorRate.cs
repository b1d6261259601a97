namespace SpeechCluster.TestSupport;

/// <summary>Word error rate as the eval README defines it: lower-cased, punctuation removed.</summary>
public static class WordErrorRate
{
    public static double Compute(string reference, string hypothesis)
    {
        var r = Words(reference);
        var h = Words(hypothesis);
        return r.Length == 0 ? (h.Length == 0 ? 0 : 1) : (double)EditDistance(r, h) / r.Length;
    }

    /// <summary>Corpus-level WER: total edits over total reference words.</summary>
    public static double Compute(IEnumerable<(string Reference, string Hypothesis)> pairs)
    {
        long edits = 0, words = 0;
        foreach (var (reference, hypothesis) in pairs)
        {
            var r = Words(reference);
            edits += EditDistance(r, Words(hypothesis));
            words += r.Length;
        }

        return words == 0 ? 0 : (double)edits / words;
    }

    public static string[] Words(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int EditDistance(string[] a, string[] b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
