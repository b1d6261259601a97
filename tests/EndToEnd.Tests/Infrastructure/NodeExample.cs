using System.ComponentModel;
using System.Diagnostics;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>The Node.js example for client authors (examples/javascript), installed with <c>npm ci</c> once per test
/// run and run with <c>node</c> as its readers would. Node.js 20+ and npm are required, as by the set-up: without
/// them the tests fail saying so, rather than skip.</summary>
public static class NodeExample
{
    private static readonly Lazy<Task> Installed = new(() => RunOrFailAsync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(3)));

    public static string Folder => Path.Combine(BuiltPrograms.Repository.FullName, "examples", "javascript");

    /// <summary>Runs <c>node example.mjs ARGS</c> in the example's folder, after <c>npm ci</c> there.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        await Installed.Value;
        return await RunProcessAsync("node", ["example.mjs", .. args], TimeSpan.FromSeconds(90));
    }

    private static async Task RunOrFailAsync(string program, string[] args, TimeSpan timeout)
    {
        var (exit, output, error) = await RunProcessAsync(program, args, timeout);
        if (exit != 0)
        {
            throw new InvalidOperationException($"`{program} {string.Join(' ', args)}` in {Folder} failed ({exit}): {error}{output}");
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunProcessAsync(string program, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"`{program}` could not be started ({ex.Message}): the JavaScript example's tests need Node.js 20 or later and npm on PATH, as the set-up does (README)", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{program} {string.Join(' ', args)}` did not end within {timeout}: {await error}{await output}");
            }

            return (process.ExitCode, await output, await error);
        }
    }
}
