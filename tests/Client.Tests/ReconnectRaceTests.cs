using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Client.Tests;

/// <summary>
/// Sends that meet a connection the server has reset. The receive loop is held back on purpose (nobody reads
/// the events, and the stand-in sends more than the event buffer holds before it resets), so the send finds the
/// reset first, with the socket's State still Open: the order that raced in <see cref="CliReconnectTests"/>. The
/// stand-in offers no X-ConversationId, so the drop ends the session and its outcome can be asserted.
/// </summary>
public sealed class ReconnectRaceTests
{
    // More than the client buffers (1024 events): the receive loop stops reading before it reaches the reset.
    private const int Flood = 1100;

    [Fact]
    public async Task Send_IntoAResetConnectionTheReceiveLoopHasNotSeen_IsRefusedAndTheEventsSayTheConnectionWasLost()
    {
        await using var server = await FloodThenResetAsync();
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));

        var refusal = await SendUntilRefusedAsync(client);

        // Not the socket's WebSocketException: the documented refusal, with the reason left to the events.
        Assert.IsType<InvalidOperationException>(refusal);
        var (finals, failure) = await ReadAllAsync(client);
        Assert.Equal(Flood, finals);
        Assert.IsType<SpeechTranslationConnectionLostException>(failure);
    }

    [Fact]
    public async Task Complete_AfterTheServerResetTheConnection_ClosesWithoutThrowingAndTheEventsSayTheConnectionWasLost()
    {
        await using var server = await FloodThenResetAsync();
        var options = Options.For(server);
        // Straight to the Close, which then meets the reset.
        options.TrailingSilence = TimeSpan.Zero;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);
        await SendUntilRefusedAsync(client);

        var completing = client.CompleteAsync();
        var (finals, failure) = await ReadAllAsync(client);

        Assert.Null(await completing);
        Assert.Equal(Flood, finals);
        Assert.IsType<SpeechTranslationConnectionLostException>(failure);
    }

    [Fact]
    public async Task TranslateFile_ACancellationThatIsNotTheCallers_EndsTheSessionInsteadOfLeavingItOpen()
    {
        // A server that waits for the client's Close for ever: the session ends only if the client ends it.
        await using var server = await FakeTranslationServer.StartSessionAsync(socket => ServerSide.ReceiveUntilCloseAsync(socket));
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notOurs = new OperationCanceledException("cancelled by something other than the caller");
        var progress = new Throwing(notOurs);

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.TranslateFileAsync(TestSpeech.LibriVox[0].Path, new FileStreamingOptions { Fast = true }, progress, guard.Token).ToListAsync(guard.Token));

        // The guard's cancellation here would mean the session was left open and waited on.
        Assert.Same(notOurs, thrown);
        Assert.False(client.IsOpen);
    }

    /// <summary>Sends <see cref="Flood"/> finals, then resets the connection at the client's first message.</summary>
    private static Task<FakeTranslationServer> FloodThenResetAsync() => FakeTranslationServer.StartHttpAsync(async context =>
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        for (var id = 0; id < Flood; id++)
        {
            await ServerSide.SendTextAsync(socket, $$"""{"type":"final","id":"{{id}}","recognition":"r"}""");
        }

        await socket.ReceiveAsync(new byte[64 * 1024], CancellationToken.None);
        context.Abort();
    });

    /// <summary>Sends 100 ms of audio at a time until the client refuses (or fails) one.</summary>
    private static async Task<Exception> SendUntilRefusedAsync(SpeechTranslationClient client)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await client.SendAudioAsync(new byte[3200], guard.Token);
            }
            catch (Exception ex) when (!guard.IsCancellationRequested)
            {
                return ex;
            }
        }
    }

    private static async Task<(int Finals, Exception? Failure)> ReadAllAsync(SpeechTranslationClient client)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var finals = 0;
        try
        {
            await foreach (var item in client.ReadEventsAsync(guard.Token))
            {
                finals += item is TranslationResult { IsFinal: true } ? 1 : 0;
            }
        }
        catch (Exception ex) when (!guard.IsCancellationRequested)
        {
            return (finals, ex);
        }

        return (finals, null);
    }

    private sealed class Throwing(Exception exception) : IProgress<FileStreamingProgress>
    {
        public void Report(FileStreamingProgress value) => throw exception;
    }
}
