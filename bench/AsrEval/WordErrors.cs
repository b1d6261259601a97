using SpeechCluster.TestSupport;

namespace AsrEval;

/// <summary>Word errors split into substitutions, deletions and insertions (as sclite counts them).</summary>
internal readonly record struct WordErrors(int Words, int Substitutions, int Deletions, int Insertions)
{
    public double Rate => Words == 0 ? 0 : (double)(Substitutions + Deletions + Insertions) / Words;

    public static WordErrors operator +(WordErrors a, WordErrors b) =>
        new(a.Words + b.Words, a.Substitutions + b.Substitutions, a.Deletions + b.Deletions, a.Insertions + b.Insertions);

    public static WordErrors Count(string reference, string hypothesis)
    {
        var r = WordErrorRate.Words(reference);
        var h = WordErrorRate.Words(hypothesis);
        var cost = new int[r.Length + 1, h.Length + 1];
        for (var i = 0; i <= r.Length; i++)
        {
            cost[i, 0] = i;
        }

        for (var j = 0; j <= h.Length; j++)
        {
            cost[0, j] = j;
        }

        for (var i = 1; i <= r.Length; i++)
        {
            for (var j = 1; j <= h.Length; j++)
            {
                var diagonal = cost[i - 1, j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1);
                cost[i, j] = Math.Min(diagonal, Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1));
            }
        }

        int s = 0, d = 0, n = 0, x = r.Length, y = h.Length;
        while (x > 0 || y > 0)
        {
            if (x > 0 && y > 0 && cost[x, y] == cost[x - 1, y - 1] + (r[x - 1] == h[y - 1] ? 0 : 1))
            {
                s += r[x - 1] == h[y - 1] ? 0 : 1;
                x--;
                y--;
            }
            else if (x > 0 && cost[x, y] == cost[x - 1, y] + 1)
            {
                d++;
                x--;
            }
            else
            {
                n++;
                y--;
            }
        }

        return new WordErrors(r.Length, s, d, n);
    }

    public override string ToString() => $"{Rate * 100,5:F1}% (S {Substitutions}, D {Deletions}, I {Insertions} / {Words})";
}
