using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Client.Tests;

public sealed class CliTranslateTests
{
    private static readonly string Speech = TestSpeech.LibriVox[0].Path;
    private static readonly byte[] SpanishAudio = ServerSide.TtsWav(4000, 5);
    private static readonly byte[] FrenchAudio = ServerSide.TtsWav(6000, 9);

    [Fact]
    public async Task Translate_Redirected_PrintsFinalsOnlyAndSavesTts()
    {
        var directory = Directory.CreateTempSubdirectory("speechcluster-cli-").FullName;
        try
        {
            await using var server = await TwoTargetServerAsync();

            var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es,fr", "--partial",
                "--tts", directory, "--fast", "--server", server.Address.ToString()]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Error);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal("[0] hello world", lines[0]);
            Assert.Equal("-> es: hola mundo", lines[1]);
            Assert.Equal("-> fr: bonjour le monde", lines[2]);
            Assert.DoesNotContain("hel ", run.Out); // the partial
            Assert.DoesNotContain('\r', run.Out);
            Assert.Contains("1 final(s)", lines[^1]);
            Assert.Equal(SpanishAudio, await File.ReadAllBytesAsync(Path.Combine(directory, "0.es.wav")));
            Assert.Equal(FrenchAudio, await File.ReadAllBytesAsync(Path.Combine(directory, "0.fr.wav")));
            var query = Assert.Single(server.Requests).RawQuery;
            Assert.Contains("features=Partial,TextToSpeech", query);
            Assert.Contains("to=es,fr", query);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Translate_Terminal_ShowsProgressBarAndPartialThenFinals()
    {
        await using var server = await TwoTargetServerAsync();

        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--to", "fr", "--partial", "--fast",
            "--server", server.Address.ToString()], terminal: true);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var drawn = TerminalOutput.Drawn(run.Out);
        var partial = drawn.FindIndex(text => text.Contains("[0.1] hel", StringComparison.Ordinal));
        Assert.True(partial >= 0, run.Out);
        Assert.Matches(@"^[━ ]{30} [0-9.]+/[0-9.]+ s \[0\.1\] hel\s*$", drawn[partial]); // bar, seconds sent/total, partial
        var final = drawn.IndexOf("[0] hello world");
        Assert.True(final > partial, run.Out);
        Assert.True(drawn.IndexOf("  -> fr: bonjour le monde") > final, run.Out);
        Assert.Contains("1 final(s)", drawn[^1]); // the summary, below the cleared bar
    }

    [Fact]
    public async Task Translate_Json_WritesEachServerMessageAndEachAudioFileAsOneLine()
    {
        var directory = Directory.CreateTempSubdirectory("speechcluster-cli-").FullName;
        try
        {
            await using var server = await TwoTargetServerAsync();

            var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es,fr", "--partial", "--tts", directory,
                "--json", "--fast", "--server", server.Address.ToString()]);

            Assert.Equal(0, run.ExitCode);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["partial", "final", "audio", "audio"], lines.Select(l => l.GetProperty("type").GetString()));
            Assert.Equal("bonjour le monde", lines[1].GetProperty("translations").GetProperty("fr").GetString());
            Assert.Equal(Path.Combine(directory, "0.fr.wav"), lines[3].GetProperty("path").GetString());
            Assert.Equal(FrenchAudio.Length, lines[3].GetProperty("bytes").GetInt32());
            Assert.Contains("1 final(s)", run.Error); // the summary stays off stdout
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Translate_KeyAndServerFromEnvironment_AreUsed()
    {
        await using var server = await TwoTargetServerAsync();
        var environment = new Dictionary<string, string> { ["SPEECHCLUSTER_SERVER"] = server.Address.ToString(), ["SPEECHCLUSTER_KEY"] = "env-key" };

        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--fast"], environment: environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("env-key", Assert.Single(server.Requests).Headers["Ocp-Apim-Subscription-Key"]);
    }

    [Fact]
    public async Task Translate_MissingOption_ExitsWithUsage()
    {
        var run = await CliRun.RunAsync(["translate", Speech, "--to", "es"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from", run.Error);
    }

    [Fact]
    public async Task Translate_MissingFile_ExitsWithUsage()
    {
        var run = await CliRun.RunAsync(["translate", "/nonexistent/talk.wav", "--from", "en-US", "--to", "es"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error);
    }

    [Fact]
    public async Task Translate_NothingListening_ExitsWithCannotConnect()
    {
        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--server", $"ws://127.0.0.1:{HandshakeTests.ClosedPort()}"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Cannot connect", run.Error);
    }

    [Fact]
    public async Task Translate_Unauthorized_ExitsWithRejectedAndTheServersMessage()
    {
        await using var server = await FakeTranslationServer.StartHttpAsync(context =>
        {
            context.Response.StatusCode = 401;
            return context.Response.WriteAsJsonAsync(new { error = new { code = 401, message = "Key 'wrong' is not valid." } });
        });

        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--key", "wrong", "--server", server.Address.ToString()]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error);
        Assert.Contains("Key 'wrong' is not valid.", run.Error);
    }

    [Fact]
    public async Task Translate_ServerClosesWithError_ExitsWithServerError()
    {
        await using var server = await FakeTranslationServer.StartSessionAsync(async socket =>
        {
            await ServerSide.ReceiveUntilCloseAsync(socket, async received =>
            {
                if (received.Messages.Count == 3)
                {
                    await ServerSide.CloseAsync(socket, WebSocketCloseStatus.InvalidMessageType, "audio is not PCM");
                }
            });
        });

        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--fast", "--server", server.Address.ToString()]);

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("1003", run.Error);
        Assert.Contains("audio is not PCM", run.Error);
    }

    /// <summary>After the client's Close: a partial, a two-target final and its two TTS segments, then Close 1000.</summary>
    private static Task<FakeTranslationServer> TwoTargetServerAsync() => FakeTranslationServer.StartSessionAsync(async socket =>
    {
        await ServerSide.ReceiveUntilCloseAsync(socket);
        await ServerSide.SendTextAsync(socket, """{"type":"partial","id":"0.1","recognition":"hel","translation":"ho","translations":{"es":"ho","fr":"bon"}}""");
        await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"hello world","translation":"hola mundo","translations":{"es":"hola mundo","fr":"bonjour le monde"}}""");
        await ServerSide.SendFragmentedAsync(socket, SpanishAudio, frames: 2);
        await ServerSide.SendFragmentedAsync(socket, FrenchAudio, frames: 3);
        await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "");
    });
}
