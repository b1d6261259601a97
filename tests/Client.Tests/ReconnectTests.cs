using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace SpeechCluster.Client.Tests;

/// <summary>AutoReconnect against a stand-in server that drops, refuses or closes: when the client resumes, what
/// it asks for, and what the caller sees.</summary>
public sealed class ReconnectTests
{
    private const string Conversation = "conversation-42";

    [Fact]
    public async Task Drop_ResumesWithConversationAndLastFinal_CallerSeesOneStreamWithoutRepeats()
    {
        var resumedStream = new TaskCompletionSource<ReceivedStream>();
        await using var server = await StartAsync(async (attempt, context) =>
        {
            using var socket = await AcceptAsync(context);
            if (attempt == 1)
            {
                await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"a"}""");
                await ServerSide.SendTextAsync(socket, """{"type":"final","id":"1","recognition":"b"}""");
                await ServerSide.SendTextAsync(socket, """{"type":"partial","id":"2.0","recognition":"c"}""");
                // Dropped once the client has shown it got them (it then sends a flush).
                await socket.ReceiveAsync(new byte[64], CancellationToken.None);
                context.Abort();
                return;
            }

            // What the gateway replays: utterance 2 from its start, so a partial the caller already has.
            await ServerSide.SendTextAsync(socket, """{"type":"partial","id":"2.0","recognition":"c"}""");
            await ServerSide.SendTextAsync(socket, """{"type":"partial","id":"2.1","recognition":"cd"}""");
            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"2","recognition":"cde"}""");
            resumedStream.SetResult(await ServerSide.ReceiveUntilCloseAsync(socket));
            await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "");
        });
        var options = Options.For(server);
        options.Features = SpeechFeatures.Partial;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var events = new List<TranslationEvent>();
        Task completion = Task.CompletedTask;
        await foreach (var item in client.ReadEventsAsync(guard.Token))
        {
            events.Add(item);
            if (item is TranslationResult { Id: "2.0" } && events.Count == 3)
            {
                await client.SendFlushAsync(guard.Token);
            }

            if (item is Reconnected)
            {
                await client.SendAudioAsync(new byte[3200], guard.Token);
                completion = client.CompleteAsync(guard.Token);
            }
        }

        await completion;
        Assert.Equal(
            ["final 0", "final 1", "partial 2.0", "Reconnecting from 1", "Reconnected after 1", "partial 2.1", "final 2", "closed NormalClosure"],
            events.Select(Describe));
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("conversation=", requests[0].RawQuery);
        Assert.Contains($"conversation={Conversation}&resumeFrom=1", requests[1].RawQuery);
        // The new connection gets its own WAV header, then the audio sent after the resume and the trailing second.
        var resumed = await resumedStream.Task;
        Assert.Equal(44, resumed.Binary.First().Length);
        Assert.Equal(3200 + 32000, resumed.Pcm.Length);
    }

    [Theory]
    [InlineData(WebSocketCloseStatus.NormalClosure)]
    [InlineData(WebSocketCloseStatus.EndpointUnavailable)] // 1001, the gateway shutting down: it does not keep the conversation
    [InlineData(WebSocketCloseStatus.InvalidPayloadData)] // 1007
    [InlineData(WebSocketCloseStatus.PolicyViolation)] // 1008
    [InlineData(WebSocketCloseStatus.MessageTooBig)] // 1009
    [InlineData(WebSocketCloseStatus.InternalServerError)] // 1011
    public async Task ServerClose_AnyStatus_IsTheEndWithoutReconnecting(WebSocketCloseStatus status)
    {
        await using var server = await StartAsync(async (_, context) =>
        {
            using var socket = await AcceptAsync(context);
            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"a"}""");
            await ServerSide.CloseAsync(socket, status, "bye");
        });
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));

        var events = await client.ReadEventsAsync().ToListAsync();

        Assert.Equal(["final 0", $"closed {status}"], events.Select(Describe));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Drop_ConversationExpired_404IsNotRetriedAndTheCallerLearnsTheSessionIsLost()
    {
        await using var server = await StartAsync(async (attempt, context) =>
        {
            if (attempt > 1)
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsJsonAsync(new { error = new { code = 404, message = "conversation cannot be resumed" } });
                return;
            }

            await DropAfterOneFinalAsync(context);
        });
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));

        var (events, failure) = await ReadUntilFailureAsync(client);

        Assert.Equal(["final 0", "Reconnecting from 0"], events.Select(Describe));
        var lost = Assert.IsType<SpeechTranslationConnectionLostException>(failure);
        Assert.Equal(404, Assert.IsType<SpeechTranslationRejectedException>(lost.InnerException).StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Drop_ServerUnavailable_RetriedUpToReconnectAttemptsThenLost()
    {
        await using var server = await StartAsync(async (attempt, context) =>
        {
            if (attempt > 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await DropAfterOneFinalAsync(context);
        });
        var options = Options.For(server);
        options.ReconnectAttempts = 3;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);

        var (events, failure) = await ReadUntilFailureAsync(client);

        Assert.Equal(["final 0", "Reconnecting from 0"], events.Select(Describe));
        Assert.IsType<SpeechTranslationConnectionLostException>(failure);
        Assert.Equal(1 + 3, server.Requests.Count);
    }

    [Fact]
    public async Task Drop_AutoReconnectOff_ConnectionLostAsBefore()
    {
        await using var server = await StartAsync((_, context) => DropAfterOneFinalAsync(context));
        var options = Options.For(server);
        options.AutoReconnect = false;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);

        var (events, failure) = await ReadUntilFailureAsync(client);

        Assert.Equal(["final 0"], events.Select(Describe));
        Assert.IsType<SpeechTranslationConnectionLostException>(failure);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ProtocolViolation_InvalidUtf8_IsNotReconnected()
    {
        await using var server = await StartAsync(async (_, context) =>
        {
            using var socket = await AcceptAsync(context);
            await socket.SendAsync(new byte[] { 0xC3, 0x28 }, WebSocketMessageType.Text, true, CancellationToken.None);
            await ServerSide.ReceiveUntilCloseAsync(socket);
        });
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));

        var (events, failure) = await ReadUntilFailureAsync(client);

        Assert.Empty(events);
        Assert.IsType<SpeechTranslationConnectionLostException>(failure);
        Assert.Single(server.Requests);
    }

    /// <summary>A stand-in that offers resuming (X-ConversationId) and runs <paramref name="script"/> with the request's number, from 1.</summary>
    private static Task<FakeTranslationServer> StartAsync(Func<int, HttpContext, Task> script)
    {
        var requests = 0;
        return FakeTranslationServer.StartHttpAsync(context => script(Interlocked.Increment(ref requests), context));
    }

    private static Task<WebSocket> AcceptAsync(HttpContext context)
    {
        context.Response.Headers["X-ConversationId"] = Conversation;
        return context.WebSockets.AcceptWebSocketAsync();
    }

    /// <summary>Sends final 0, then drops the connection once the client has it (the client then flushes).</summary>
    private static async Task DropAfterOneFinalAsync(HttpContext context)
    {
        using var socket = await AcceptAsync(context);
        await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"a"}""");
        await socket.ReceiveAsync(new byte[64], CancellationToken.None);
        context.Abort();
    }

    /// <summary>Reads until the stream fails, flushing after the first final so the stand-in drops then.</summary>
    private static async Task<(List<TranslationEvent> Events, Exception? Failure)> ReadUntilFailureAsync(SpeechTranslationClient client)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var events = new List<TranslationEvent>();
        try
        {
            await foreach (var item in client.ReadEventsAsync(guard.Token))
            {
                events.Add(item);
                if (item is TranslationResult { Id: "0" })
                {
                    await client.SendFlushAsync(guard.Token);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (events, ex);
        }

        return (events, null);
    }

    private static string Describe(TranslationEvent item) => item switch
    {
        TranslationResult result => $"{result.Type} {result.Id}",
        Reconnecting reconnecting => $"Reconnecting from {reconnecting.ResumeFrom}",
        Reconnected reconnected => $"Reconnected after {reconnected.Attempts}",
        SessionClosed closed => $"closed {closed.Status}",
        _ => item.GetType().Name,
    };
}
