using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SpeechCluster.MicroBench;

/// <summary>
/// ShortRun (1 launch, 3 warm-up and 3 measured iterations) in this process, which spares the build of
/// a project per benchmark: good to a few per cent, fit for the whole benchmark in minutes.
/// </summary>
internal static class QuickConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
