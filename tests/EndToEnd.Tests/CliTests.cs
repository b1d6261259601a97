using System.Diagnostics;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The `speechcluster` command, run as its own process against the real server.</summary>
[Collection(GatewayCollection.Name)]
public sealed class CliTests(SharedGateway gateway)
{
    [Fact]
    public async Task Translate_RealRecording_PrintsFinalAndSpanishAndSavesSpeech()
    {
        var recording = TestSpeech.LibriVox.First(r => r.Id.EndsWith("0880", StringComparison.Ordinal));
        var tts = Directory.CreateTempSubdirectory("speechcluster-cli-");
        try
        {
            var (exit, output, error) = await RunAsync(
                "translate", recording.Path, "--from", "en-US", "--to", "es", "--fast", "--tts", tts.FullName,
                "--server", gateway.Server.WebSocketUri.ToString(), "--key", GatewayServer.Key);

            Assert.True(exit == 0, $"exit {exit}: {error}");
            Assert.Contains("[0]", output);
            Assert.Contains("-> es:", output);
            Assert.Contains("young", output, StringComparison.OrdinalIgnoreCase);
            var saved = Assert.Single(tts.GetFiles());
            Assert.Equal(".wav", saved.Extension);
            Assert.Equal("RIFF"u8.ToArray(), File.ReadAllBytes(saved.FullName)[..4]);
        }
        finally
        {
            tts.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Translate_WrongKey_ExitsWithRejectionCodeAndServerMessage()
    {
        var recording = TestSpeech.LibriVox[0];

        var (exit, _, error) = await RunAsync("translate", recording.Path, "--from", "en-US", "--to", "es",
            "--server", gateway.Server.WebSocketUri.ToString(), "--key", "not-the-right-key-at-all");

        Assert.Equal(4, exit);
        Assert.Contains("subscription key is not valid", error);
    }

    [Fact]
    public async Task Languages_ListsSpanish()
    {
        var (exit, output, error) = await RunAsync("languages", "--server", gateway.Server.WebSocketUri.ToString());

        Assert.True(exit == 0, error);
        Assert.Contains("es", output);
        Assert.Contains("en-US", output);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltPrograms.Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("SPEECHCLUSTER_KEY");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
