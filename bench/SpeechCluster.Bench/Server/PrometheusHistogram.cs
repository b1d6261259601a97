using System.Globalization;

namespace SpeechCluster.Bench.Server;

/// <summary>
/// Reads one histogram from a Prometheus text scrape (cumulative bucket counts by upper bound) and
/// estimates quantiles of the difference between two scrapes by linear interpolation in a bucket.
/// </summary>
internal sealed record PrometheusHistogram(IReadOnlyList<(double UpperBound, double Count)> Buckets)
{
    public double Count => Buckets.Count == 0 ? 0 : Buckets[^1].Count;

    /// <param name="text">A scrape (<see cref="PrometheusText.FetchAsync"/>).</param>
    public static PrometheusHistogram Parse(string text, string metric)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric + "_bucket{", StringComparison.Ordinal))
            {
                continue;
            }

            var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
            var bound = le[..le.IndexOf('"', StringComparison.Ordinal)];
            var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            buckets[upper] = buckets.GetValueOrDefault(upper) + value;
        }

        return new PrometheusHistogram(buckets.Select(b => (b.Key, b.Value)).ToList());
    }

    public PrometheusHistogram Minus(PrometheusHistogram earlier) => new(Buckets
        .Select(b => (b.UpperBound, b.Count - earlier.Buckets.FirstOrDefault(e => e.UpperBound == b.UpperBound).Count))
        .ToList());

    public double? Quantile(double q)
    {
        if (Count <= 0)
        {
            return null;
        }

        var rank = q * Count;
        var lower = 0.0;
        var below = 0.0;
        foreach (var (upper, count) in Buckets)
        {
            if (count >= rank)
            {
                return double.IsInfinity(upper) ? lower : lower + ((upper - lower) * (rank - below) / Math.Max(count - below, 1e-9));
            }

            (lower, below) = (upper, count);
        }

        return lower;
    }
}
