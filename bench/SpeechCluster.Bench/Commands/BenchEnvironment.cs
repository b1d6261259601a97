using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SpeechCluster.Bench.Commands;

/// <summary>What every report states: the machine, the date and the commit.</summary>
internal static class BenchEnvironment
{
    public static string Machine =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    public static string Date => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The commit the code came from, marked "+changes" when source files differ from it (the reports
    /// themselves, under bench/results, do not count): figures from uncommitted code say so.
    /// </summary>
    public static string Commit()
    {
        var commit = Git("rev-parse --short HEAD");
        if (commit is null or "")
        {
            return "unknown";
        }

        var changed = Git("status --porcelain --untracked-files=no -- :(top) :(top,exclude)bench/results");
        return string.IsNullOrEmpty(changed) ? commit : commit + "+changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
