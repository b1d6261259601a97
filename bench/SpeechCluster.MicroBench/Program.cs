using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SpeechCluster.MicroBench;

// Micro-benchmarks of engine hot paths and of the per-frame path of a conversation (see bench/README.md).
// Arguments of our own, the rest go to BenchmarkDotNet (e.g. --filter '*Vad*'):
//   --quick          BenchmarkDotNet's ShortRun job in-process (2 warm-up, 3 measured iterations of ~100 ms): about a minute for all
//   --report [PATH]  also write the results as a Markdown table (default bench/results/microbench.md)
//   --before FILE    with --report: add the mean and allocation columns of an earlier report, for comparison
var options = RunOptions.Parse(args);
var loadBefore = MicroBenchReport.LoadAverage();
var config = options.Quick ? QuickConfig.Create() : DefaultConfig.Instance;
var summaries = BenchmarkSwitcher.FromAssembly(typeof(RunOptions).Assembly).Run(options.BenchmarkArguments, config).ToList();
if (options.ReportPath is { } reportPath)
{
    var report = new MicroBenchReport(summaries, options.Quick ? "ShortRun, in-process (--quick)" : "BenchmarkDotNet default job", loadBefore);
    File.WriteAllText(reportPath, report.ToMarkdown(options.BeforePath is null ? null : File.ReadAllText(options.BeforePath)));
    Console.WriteLine($"wrote {Path.GetFullPath(reportPath)}");
}

return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
