using System.Diagnostics;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// The server's resident memory every 250 ms for the whole run, against one clock, so that each
/// phase's baseline, peak, steady level and recovery are read off the same timeline.
/// </summary>
internal sealed class MemoryTimeline : IAsyncDisposable
{
    private readonly List<(double At, long Bytes)> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemoryTimeline(ServerProcess server) => _sampling = SampleAsync(server);

    /// <summary>Seconds since the timeline started.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>One sample a second, in MB, for the JSON report.</summary>
    public IReadOnlyList<double[]> PerSecond()
    {
        lock (_samples)
        {
            return _samples.GroupBy(s => (int)s.At).Select(g => new[] { g.Key, Math.Round(g.Max(s => s.Bytes) / 1048576.0, 1) }).ToList();
        }
    }

    public long Peak(double from, double to) => Between(from, to).DefaultIfEmpty(0).Max();

    /// <summary>The median of the samples in [from, to]: the level memory held there, not a spike.</summary>
    public long? Median(double from, double to)
    {
        var sorted = Between(from, to).Order().ToArray();
        return sorted.Length == 0 ? null : sorted[sorted.Length / 2];
    }

    /// <summary>Waits <paramref name="seconds"/> and returns the median over them.</summary>
    public async Task<long> SettleAsync(double seconds, CancellationToken cancellationToken)
    {
        var from = Now;
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
        return Median(from, Now) ?? 0;
    }

    /// <summary>
    /// Waits until memory grew by less than <paramref name="tolerance"/> bytes over the last
    /// <paramref name="window"/> (the server's background warm-up is done), at most
    /// <paramref name="limit"/>; returns the median over that last window.
    /// </summary>
    public async Task<long> PlateauAsync(TimeSpan window, long tolerance, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = Now;
        while (true)
        {
            await Task.Delay(500, cancellationToken);
            var recent = Between(Now - window.TotalSeconds, Now);
            if (Now - start >= window.TotalSeconds && (recent.Max() - recent.Min() < tolerance || Now - start >= limit.TotalSeconds))
            {
                return Median(Now - window.TotalSeconds, Now) ?? 0;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private List<long> Between(double from, double to)
    {
        lock (_samples)
        {
            return _samples.Where(s => s.At >= from && s.At <= to).Select(s => s.Bytes).ToList();
        }
    }

    private async Task SampleAsync(ServerProcess server)
    {
        while (!_stop.IsCancellationRequested)
        {
            var bytes = server.ResidentBytes;
            lock (_samples)
            {
                _samples.Add((Now, bytes));
            }

            await Task.Delay(250, _stop.Token);
        }
    }
}
