using SpeechCluster.Cli;

namespace SpeechCluster.Client.Tests;

/// <summary>Runs the <c>speechcluster</c> command line in-process with captured output and a given environment.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(string[] args, bool terminal = false, IReadOnlyDictionary<string, string>? environment = null, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var standardInput = new StringReader(input);
        var host = new CliHost(output, error, terminal, 80, name => environment?.GetValueOrDefault(name)) { In = standardInput };
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var exitCode = await CliApp.RunAsync(args, host, guard.Token);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
