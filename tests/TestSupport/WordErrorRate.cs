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

    /// <summary>Substitutions, deletions and insertions of the best alignment, and the reference length.</summary>
    public static ErrorCounts Count(string reference, string hypothesis)
    {
        var r = Words(reference);
        var h = Words(hypothesis);
        // Full table so the alignment can be traced back into its three kinds of error.
        var d = new int[r.Length + 1, h.Length + 1];
        for (var i = 0; i <= r.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= h.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= r.Length; i++)
        {
            for (var j = 1; j <= h.Length; j++)
            {
                d[i, j] = Math.Min(d[i - 1, j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1), Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
            }
        }

        int s = 0, del = 0, ins = 0;
        for (int i = r.Length, j = h.Length; i > 0 || j > 0;)
        {
            if (i > 0 && j > 0 && d[i, j] == d[i - 1, j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1))
            {
                s += r[i - 1] == h[j - 1] ? 0 : 1;
                i--;
                j--;
            }
            else if (i > 0 && d[i, j] == d[i - 1, j] + 1)
            {
                del++;
                i--;
            }
            else
            {
                ins++;
                j--;
            }
        }

        return new ErrorCounts(s, del, ins, r.Length);
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

/// <summary>Word errors of a hypothesis against its reference.</summary>
public readonly record struct ErrorCounts(int Substitutions, int Deletions, int Insertions, int ReferenceWords)
{
    public double Rate => ReferenceWords == 0 ? 0 : (double)(Substitutions + Deletions + Insertions) / ReferenceWords;

    public static ErrorCounts operator +(ErrorCounts a, ErrorCounts b) => new(
        a.Substitutions + b.Substitutions, a.Deletions + b.Deletions, a.Insertions + b.Insertions, a.ReferenceWords + b.ReferenceWords);
}
