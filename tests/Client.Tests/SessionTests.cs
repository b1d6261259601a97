using System.Net.WebSockets;
using System.Text;

namespace SpeechCluster.Client.Tests;

public sealed class SessionTests
{
    [Fact]
    public async Task ReadEventsAsync_FragmentedTtsForTwoTargets_YieldsOneSegmentPerMessageLabelled()
    {
        var es = ServerSide.TtsWav(5000, 1);
        var fr = ServerSide.TtsWav(7000, 2);
        await using var server = await FakeTranslationServer.StartSessionAsync(async socket =>
        {
            await ServerSide.SendTextAsync(socket, """{"type":"partial","id":"0.1","recognition":"hel","translation":"ho","translations":{"es":"ho","fr":"bon"}}""");
            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"hello","translation":"hola","translations":{"es":"hola","fr":"bonjour"}}""");
            await ServerSide.SendFragmentedAsync(socket, es, frames: 3);
            await ServerSide.SendFragmentedAsync(socket, fr, frames: 5);
            await ServerSide.ReceiveUntilCloseAsync(socket);
            await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "bye");
        });
        var options = Options.For(server, "es", "fr");
        options.Features = SpeechFeatures.Partial | SpeechFeatures.TextToSpeech;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var reading = client.ReadEventsAsync(guard.Token).ToListAsync(guard.Token).AsTask();
        await client.SendAudioAsync(new byte[3200], guard.Token);
        await client.CompleteAsync(guard.Token);
        var events = await reading;

        Assert.Equal(["partial", "final"], events.OfType<TranslationResult>().Select(r => r.Type));
        var audio = events.OfType<TranslationAudio>().ToList();
        Assert.Equal(2, audio.Count);
        Assert.Equal(es, audio[0].Data.ToArray());
        Assert.Equal(fr, audio[1].Data.ToArray());
        Assert.Equal(["es", "fr"], audio.Select(a => a.Language));
        Assert.All(audio, a => Assert.Equal("0", a.ResultId));
        Assert.All(audio, a => Assert.Equal("wav", a.FileExtension));
        Assert.Equal(new SessionClosed(WebSocketCloseStatus.NormalClosure, "bye"), events[^1]);
    }

    [Fact]
    public async Task CompleteAsync_ServerAnswersAfterTheClientsClose_ResultsStillDelivered()
    {
        var tts = ServerSide.TtsWav(16000, 3);
        var serverSaw = new TaskCompletionSource<ReceivedStream>();
        await using var server = await FakeTranslationServer.StartSessionAsync(async socket =>
        {
            // Nothing is sent until the client has closed: everything below arrives after its Close.
            var stream = await ServerSide.ReceiveUntilCloseAsync(socket);
            serverSaw.SetResult(stream);
            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"last words","translation":"últimas palabras"}""");
            await ServerSide.SendFragmentedAsync(socket, tts, frames: 4);
            await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "done");
        });
        var options = Options.For(server);
        options.Features = SpeechFeatures.TextToSpeech;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var reading = client.ReadEventsAsync(guard.Token).ToListAsync(guard.Token).AsTask();
        await client.SendAudioAsync(new byte[6400], guard.Token);
        var closed = await client.CompleteAsync(guard.Token);
        var events = await reading;

        var final = Assert.IsType<TranslationResult>(events[0]);
        Assert.Equal("últimas palabras", final.Translation);
        Assert.Equal(tts, Assert.IsType<TranslationAudio>(events[1]).Data.ToArray());
        Assert.Equal(new SessionClosed(WebSocketCloseStatus.NormalClosure, "done"), events[2]);
        Assert.Equal(events[2], closed);
        Assert.Equal(events[2], client.Closed);
        var stream = await serverSaw.Task;
        Assert.Equal(WebSocketCloseStatus.NormalClosure, stream.CloseStatus);
        Assert.Equal(6400 + 32000, stream.Pcm.Length); // the audio, then 1 s of trailing silence
        Assert.False(client.IsOpen);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAudioAsync(new byte[2]));
    }

    [Fact]
    public async Task ReadEventsAsync_ServerClosesWithError_EndsWithThatStatusAndReason()
    {
        await using var server = await FakeTranslationServer.StartSessionAsync(socket =>
            ServerSide.CloseAsync(socket, WebSocketCloseStatus.InternalServerError, "recognizer crashed"));
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));

        var events = await client.ReadEventsAsync().ToListAsync();

        var closed = Assert.IsType<SessionClosed>(Assert.Single(events));
        Assert.Equal(WebSocketCloseStatus.InternalServerError, closed.Status);
        Assert.Equal("recognizer crashed", closed.Description);
        Assert.False(closed.IsNormal);
        Assert.False(client.IsOpen);
    }

    [Fact]
    public async Task ReadEventsAsync_ConnectionDropsWithoutClose_ThrowsConnectionLostAfterTheResultsSoFar()
    {
        await using var server = await FakeTranslationServer.StartHttpAsync(async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await ServerSide.SendTextAsync(socket, """{"type":"final","id":"0","recognition":"a","translation":"b"}""");
            // Drop the connection only once the client has shown it got the final (it then sends a flush).
            await socket.ReceiveAsync(new byte[64], CancellationToken.None);
            context.Abort();
        });
        await using var client = await SpeechTranslationClient.ConnectAsync(Options.For(server));
        await using var events = client.ReadEventsAsync().GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync());
        Assert.IsType<TranslationResult>(events.Current);
        await client.SendFlushAsync();
        await Assert.ThrowsAsync<SpeechTranslationConnectionLostException>(async () => await events.MoveNextAsync());
    }

    [Fact]
    public async Task CompleteAsync_ServerNeverCloses_AbortsAfterTheCloseTimeout()
    {
        var release = new TaskCompletionSource();
        await using var server = await FakeTranslationServer.StartSessionAsync(async socket =>
        {
            await ServerSide.ReceiveUntilCloseAsync(socket);
            await release.Task; // keeps the connection open without answering the Close
        });
        var options = Options.For(server);
        options.CloseTimeout = TimeSpan.FromMilliseconds(300);
        await using var client = await SpeechTranslationClient.ConnectAsync(options);

        var reading = client.ReadEventsAsync().ToListAsync().AsTask();
        var closed = await client.CompleteAsync();

        Assert.Null(closed);
        var lost = await Assert.ThrowsAsync<SpeechTranslationConnectionLostException>(() => reading);
        Assert.Contains("did not close", lost.Message);
        release.SetResult();
    }

    [Fact]
    public async Task SendFlushAsync_SendsTheFlushTextMessage()
    {
        var serverSaw = new TaskCompletionSource<ReceivedStream>();
        await using var server = await FakeTranslationServer.StartSessionAsync(async socket =>
        {
            serverSaw.SetResult(await ServerSide.ReceiveUntilCloseAsync(socket));
            await ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "");
        });
        var options = Options.For(server);
        options.TrailingSilence = TimeSpan.Zero;
        await using var client = await SpeechTranslationClient.ConnectAsync(options);

        var reading = client.ReadEventsAsync().ToListAsync().AsTask();
        await client.SendAudioAsync(new byte[3200]);
        await client.SendFlushAsync();
        await client.CompleteAsync();
        await reading;

        var messages = (await serverSaw.Task).Messages;
        Assert.Equal([WebSocketMessageType.Binary, WebSocketMessageType.Binary, WebSocketMessageType.Text], messages.Select(m => m.Type));
        Assert.Equal("""{"type":"flush"}""", Encoding.UTF8.GetString(messages[2].Data));
    }
}
