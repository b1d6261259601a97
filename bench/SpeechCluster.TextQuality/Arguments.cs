namespace SpeechCluster.TextQuality;

/// <summary>Command-line settings of the report.</summary>
internal sealed record Arguments(string DataDirectory, string OutputFile, bool Translate)
{
    public string RepositoryRoot { get; init; } = "";

    public static Arguments Parse(string[] args)
    {
        var root = FindRepository();
        var data = Value(args, "--data") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "dev"));
        if (!Directory.Exists(data) && Directory.Exists("/work/shared/eval/dev"))
        {
            data = "/work/shared/eval/dev";
        }

        var output = Value(args, "--out") ?? Path.Combine(root, "bench", "results", "truetext.md");
        return new Arguments(data, output, !args.Contains("--no-mt")) { RepositoryRoot = root };
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepository()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SpeechCluster.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run me inside the SpeechCluster repository.");
    }
}
