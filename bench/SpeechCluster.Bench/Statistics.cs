namespace SpeechCluster.Bench;

/// <summary>Order statistics of a sample (nearest-rank percentiles).</summary>
internal sealed record Statistics(int Count, double Median, double P90, double P95, double P99, double Max)
{
    public static Statistics? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? null
            : new Statistics(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
