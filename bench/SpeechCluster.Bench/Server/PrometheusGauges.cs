using System.Globalization;

namespace SpeechCluster.Bench.Server;

/// <summary>Reads gauges from a Prometheus text scrape, each summed over its label sets.</summary>
internal static class PrometheusGauges
{
    /// <summary>The runtime's GC heap after the last collection, all generations (live objects and fragmentation).</summary>
    public const string GcHeap = "dotnet_gc_last_collection_heap_size_bytes";

    /// <summary>Memory the GC had committed at its last collection (heap, free space it keeps, bookkeeping).</summary>
    public const string GcCommitted = "dotnet_gc_last_collection_memory_committed_size_bytes";

    /// <param name="text">A scrape (<see cref="PrometheusText.FetchAsync"/>).</param>
    public static IReadOnlyDictionary<string, double> Sums(string text, IReadOnlyCollection<string> metrics)
    {
        var sums = metrics.ToDictionary(m => m, _ => 0.0);
        foreach (var line in text.Split('\n'))
        {
            var name = line.IndexOfAny(['{', ' ']) is var end and > 0 ? line[..end] : "";
            if (sums.ContainsKey(name))
            {
                sums[name] += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sums;
    }
}
