using System.Diagnostics;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// CPU seconds the server and this load generator used over a phase. Both share the machine, so
/// a reader needs the generator's share to judge the server's figures.
/// </summary>
internal sealed record CpuUse(double WallSeconds, double ServerSeconds, double GeneratorSeconds)
{
    /// <summary>Average cores busy over the phase.</summary>
    public double ServerCores => ServerSeconds / WallSeconds;

    public double GeneratorCores => GeneratorSeconds / WallSeconds;

    public static Func<CpuUse> Start(ServerProcess server)
    {
        var clock = Stopwatch.StartNew();
        var serverBefore = server.CpuTime;
        var generatorBefore = ProcessStats.CpuTime(Environment.ProcessId);
        return () => new CpuUse(
            clock.Elapsed.TotalSeconds,
            (server.CpuTime - serverBefore).TotalSeconds,
            (ProcessStats.CpuTime(Environment.ProcessId) - generatorBefore).TotalSeconds);
    }
}
