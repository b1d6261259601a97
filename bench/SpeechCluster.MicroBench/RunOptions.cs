namespace SpeechCluster.MicroBench;

/// <summary>The command line: our own switches, and the rest for BenchmarkDotNet.</summary>
internal sealed record RunOptions(bool Quick, string? ReportPath, string? BeforePath, string[] BenchmarkArguments)
{
    public const string DefaultReportPath = "bench/results/microbench.md";

    public static RunOptions Parse(string[] args)
    {
        var quick = false;
        string? report = null;
        string? before = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--report":
                    report = i + 1 < args.Length && !args[i + 1].StartsWith('-') ? args[++i] : DefaultReportPath;
                    break;
                case "--before" when i + 1 < args.Length:
                    before = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        // Without a filter BenchmarkDotNet asks interactively; a scripted run means all of them.
        if ((quick || report is not null) && !rest.Any(arg => arg is "--filter" or "-f"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        return new RunOptions(quick, report, before, [.. rest]);
    }
}
