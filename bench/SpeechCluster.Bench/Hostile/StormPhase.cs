using System.Text.Json.Serialization;
using SpeechCluster.Bench.Load;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// A few healthy conversations streaming real speech (the load run's), once alone as the
/// baseline and once with a connect storm a few seconds in: what the storm does to their latency.
/// </summary>
internal static class StormPhase
{
    /// <summary>When the storm starts, after the healthy conversations (ramped over 2 s) are all speaking.</summary>
    private static readonly TimeSpan StormDelay = TimeSpan.FromSeconds(5);

    public static async Task<StormPhaseResult> RunAsync(
        ServerProcess server, MemoryTimeline memory, IReadOnlyList<Clip> clips, int healthy, TimeSpan duration, int attempts, int concurrency, CancellationToken cancellationToken)
    {
        var baseline = await LoadRun.RunAsync(server, clips, healthy, duration, TimeSpan.FromSeconds(2), cancellationToken);
        Console.Error.WriteLine($"storm: baseline of {healthy} healthy conversations done");

        var cpu = CpuUse.Start(server);
        var from = memory.Now;
        var during = LoadRun.RunAsync(server, clips, healthy, duration, TimeSpan.FromSeconds(2), cancellationToken);
        await Task.Delay(StormDelay, cancellationToken);
        var storm = await ConnectStorm.RunAsync(server, attempts, concurrency, cancellationToken);
        var peak = memory.Peak(from, memory.Now);
        Console.Error.WriteLine($"storm: shed in {storm.ShedSeconds:F1} s");
        var withStorm = await during;
        return new StormPhaseResult(healthy, duration.TotalSeconds, StormDelay.TotalSeconds, baseline, withStorm, storm, peak, cpu());
    }
}

internal sealed record StormPhaseResult(
    int HealthyConversations,
    double HealthySeconds,
    double StormStartSeconds,
    [property: JsonIgnore] LoadStep Baseline,
    [property: JsonIgnore] LoadStep WithStorm,
    StormResult Storm,
    long PeakBytes,
    CpuUse Cpu)
{
    public Statistics? BaselineLatency => Statistics.Of(Baseline.Utterances.Select(u => u.EndOfSpeechToFinalMs));

    public Statistics? WithStormLatency => Statistics.Of(WithStorm.Utterances.Select(u => u.EndOfSpeechToFinalMs));

    /// <summary>The utterances whose speech ended between the storm's first attempt and its last answer.</summary>
    public Statistics? InStormLatency => Statistics.Of(WithStorm.Utterances
        .Where(u => u.EndOfSpeechAt >= Storm.StartedAt && u.EndOfSpeechAt <= Storm.EndedAt)
        .Select(u => u.EndOfSpeechToFinalMs));

    public int BaselineLostUtterances => Baseline.LostUtterances;

    public int WithStormLostUtterances => WithStorm.LostUtterances;

    public int FailedConversations => Baseline.FailedConversations + WithStorm.FailedConversations;

    public IReadOnlyList<string> Errors => [.. Baseline.Errors.Concat(WithStorm.Errors).Distinct()];
}
