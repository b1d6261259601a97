using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SpeechCluster.MicroBench;

/// <summary>
/// ShortRun (1 launch, 3 measured iterations) with 2 warm-up iterations of about 100 ms each, in this
/// process, which spares the build of a project per benchmark: good to several per cent, and short
/// enough for bench/run's 10 minutes (all the micro-benchmarks in about a minute).
/// </summary>
internal static class QuickConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance.AddJob(Job.ShortRun
            .WithWarmupCount(2)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithToolchain(InProcessEmitToolchain.Instance));
}
