namespace SpeechCluster.MicroBench;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet runs the benchmarks.</summary>
internal static class Repository
{
    /// <summary>The absolute path of <paramref name="relative"/>, looked for above the working and base directories.</summary>
    public static string Find(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{relative} is not above {Environment.CurrentDirectory}: run scripts/setup.sh from the repository.", relative);
    }
}
