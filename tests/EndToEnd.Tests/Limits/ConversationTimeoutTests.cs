using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>
/// PROTOCOL.md §6: a connection that goes quiet, or runs past the longest conversation, is closed
/// with 1000 and a reason, after what was said is finalised and its results sent; a conversation
/// beside it goes on.
/// </summary>
public sealed class ConversationTimeoutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_client_that_sends_nothing_for_the_idle_timeout_gets_its_results_then_1000_with_the_reason()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            // Not much shorter: on a loaded 2-core machine the talking client below can stall for a second
            // or two (thread pool starvation), and a 3 s timeout once closed it too.
            ["SpeechCluster:Gateway:IdleTimeout"] = "00:00:08",
        });
        await using var quiet = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");
        await using var beside = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        // Speech left open (no trailing silence): only the close can finalise it.
        await quiet.SendAsync(WavHeaders.Standard());
        await quiet.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station")));
        // The other client keeps talking, in real time, past the quiet one's timeout, and then streams
        // silence (as clients waiting for results do) until its final is in: it is never idle.
        await beside.SendAsync(WavHeaders.Standard());
        using var besideDone = new CancellationTokenSource();
        var talking = Task.Run(async () =>
        {
            await beside.SendAudioPacedAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("thank you very much")), besideDone.Token);
            while (!besideDone.IsCancellationRequested)
            {
                await beside.SendAudioPacedAsync(TestSpeech.Silence(1000), besideDone.Token);
            }
        });
        await quiet.WaitForCloseAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, quiet.CloseStatus);
        Assert.Equal("no audio received for 00:00:08", quiet.CloseDescription);
        Assert.Contains("train", Assert.Single(quiet.Finals).GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);

        await beside.WaitForFinalsAsync(1, Patience);
        await besideDone.CancelAsync();
        await talking.ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Null(beside.CloseStatus);
        Assert.Contains("thank", Assert.Single(beside.Finals).GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
        await beside.CloseAndDrainAsync(Patience);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, beside.CloseStatus);
    }

    [Fact]
    public async Task A_conversation_past_the_longest_allowed_gets_its_results_then_1000_with_the_reason()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:MaxConversationDuration"] = "00:00:04",
        });
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        await client.SendAsync(WavHeaders.Standard());
        // Real time, longer than the limit: speech, then silence the client would go on sending.
        using var stop = new CancellationTokenSource(Patience);
        var talking = client.SendAudioPacedAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station"), TestSpeech.Silence(20000)), stop.Token);
        await client.WaitForCloseAsync(Patience);
        await stop.CancelAsync();
        await talking.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal("maximum conversation duration (00:00:04) reached", client.CloseDescription);
        Assert.Contains("train", Assert.Single(client.Finals).GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
