using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Client.Tests;

/// <summary><c>translate</c> over a connection that drops once: resumed by default, an error with --no-reconnect.</summary>
public sealed class CliReconnectTests
{
    private static readonly string Speech = TestSpeech.LibriVox[0].Path;

    [Theory]
    [InlineData]
    [InlineData("--reconnect")] // resuming was opt-in once: the flag is still accepted, and changes nothing
    public async Task Translate_ConnectionDrops_ResumesSaysSoOnStderrAndPrintsEachFinalOnce(params string[] flags)
    {
        await using var server = await DropsOnceAsync();

        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--fast", .. flags, "--server", server.Address.ToString()]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal(1, CountOf("[0] first words", run.Out));
        Assert.Equal(1, CountOf("[1] after the drop", run.Out));
        Assert.Contains("reconnecting", run.Error);
        Assert.Contains("reconnected after 1 attempt", run.Error);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Translate_NoReconnect_ConnectionLostIsAnError()
    {
        await using var server = await DropsOnceAsync();

        var run = await CliRun.RunAsync(["translate", Speech, "--from", "en-US", "--to", "es", "--fast", "--no-reconnect", "--server", server.Address.ToString()]);

        Assert.True(run.ExitCode == 5, $"exit {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("reconnecting", run.Error);
        Assert.Single(server.Requests);
    }

    /// <summary>The first connection sends final 0 and drops at the first audio after it; the resumed one sends
    /// final 0 again (as a server replaying too much would) and final 1 after the client's Close.</summary>
    private static Task<FakeTranslationServer> DropsOnceAsync()
    {
        var requests = 0;
        return FakeTranslationServer.StartHttpAsync(async context =>
        {
            context.Response.Headers["X-ConversationId"] = "conversation-42";
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            if (Interlocked.Increment(ref requests) == 1)
            {
                await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"first words","translation":"primeras"}""");
                await socket.ReceiveAsync(new byte[64 * 1024], CancellationToken.None);
                context.Abort();
                return;
            }

            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"first words","translation":"primeras"}""");
            await ServerSide.ReceiveUntilCloseAsync(socket);
            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"1","recognition":"after the drop","translation":"después"}""");
            await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "");
        });
    }

    private static int CountOf(string text, string output) => output.Split(text).Length - 1;
}
