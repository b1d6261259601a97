namespace SpeechCluster.TextQuality;

/// <summary>
/// Corpus-level chrF (Popović 2015) as sacreBLEU 2 computes it by default: character n-grams of
/// orders 1-6 with white space removed, counts summed over the corpus, precision and recall averaged
/// over the orders that occur, F-beta with beta 2. No NuGet package or Debian package provides chrF,
/// so it is written here and checked against sacreBLEU's published test values at start-up.
/// </summary>
internal static class ChrF
{
    public static double Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, double beta = 2, bool epsSmoothing = false)
    {
        const int order = 6;
        var hypCount = new long[order];
        var refCount = new long[order];
        var matches = new long[order];
        for (var s = 0; s < hypotheses.Count; s++)
        {
            var hyp = Characters(hypotheses[s]);
            var reference = Characters(references[s]);
            for (var n = 1; n <= order; n++)
            {
                var h = NGrams(hyp, n);
                var r = NGrams(reference, n);
                hypCount[n - 1] += h.Values.Sum();
                refCount[n - 1] += r.Values.Sum();
                matches[n - 1] += h.Sum(pair => Math.Min(pair.Value, r.GetValueOrDefault(pair.Key)));
            }
        }

        var factor = beta * beta;
        if (epsSmoothing)
        {
            const double eps = 1e-16;
            var total = 0.0;
            for (var i = 0; i < order; i++)
            {
                var p = hypCount[i] > 0 ? (double)matches[i] / hypCount[i] : eps;
                var r = refCount[i] > 0 ? (double)matches[i] / refCount[i] : eps;
                var denominator = (factor * p) + r;
                total += denominator > 0 ? (1 + factor) * p * r / denominator : eps;
            }

            return 100 * total / order;
        }

        double precision = 0, recall = 0;
        var effective = 0;
        for (var i = 0; i < order; i++)
        {
            if (hypCount[i] > 0 && refCount[i] > 0)
            {
                precision += (double)matches[i] / hypCount[i];
                recall += (double)matches[i] / refCount[i];
                effective++;
            }
        }

        if (effective == 0)
        {
            return 0;
        }

        precision /= effective;
        recall /= effective;
        return precision + recall == 0 ? 0 : 100 * (1 + factor) * precision * recall / ((factor * precision) + recall);
    }

    /// <summary>sacreBLEU's own test values (test/test_chrf.py): (hypotheses, references, beta, eps smoothing, score).</summary>
    public static IEnumerable<(string Name, double Expected, double Actual)> SelfCheck()
    {
        yield return ("\"aa\" vs \"ab\", beta 3", 25.0, Corpus(["aa"], ["ab"], 3));
        yield return ("[a, b] vs [a, c], beta 3", 50.0, Corpus(["a", "b"], ["a", "c"], 3));
        yield return ("\"a b c\" vs \"abc\", beta 3", 100.0, Corpus(["a b c"], ["abc"], 3));
        yield return ("risk assessment sentence, beta 3, eps smoothing", 63.361730, Corpus(
            [" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
            ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."], 3, epsSmoothing: true));
        yield return ("Obama sentence, beta 3, eps smoothing", 64.1302698, Corpus(
            [" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "],
            ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."], 3, epsSmoothing: true));
    }

    private static int[] Characters(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune))
            {
                runes.Add(rune.Value);
            }
        }

        return [.. runes];
    }

    private static Dictionary<string, int> NGrams(int[] characters, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= characters.Length; i++)
        {
            var key = string.Join(',', characters.AsSpan(i, n).ToArray());
            grams[key] = grams.GetValueOrDefault(key) + 1;
        }

        return grams;
    }
}
