using System.Net.WebSockets;
using System.Text;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// RFC 6455 lets a client cut any message into frames (continuation frames after the first):
/// the gateway must read messages, not frames, over a real socket. A conversation beside is unaffected.
/// </summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class FragmentedMessageTests(HostileGateway gateway)
{
    private const string Query = "api-version=1.0&from=en-US&to=es";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Odd sizes, so that frames end inside samples and inside the header's fields.</summary>
    private static IEnumerable<int> TinyFrames()
    {
        int[] sizes = [1, 3, 2, 7, 5, 13, 11];
        for (var i = 0; ; i++)
        {
            yield return sizes[i % sizes.Length];
        }
    }

    [Fact]
    public async Task Header_and_audio_in_tiny_continuation_frames_are_recognised()
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);
        var audio = TestSpeech.ToBytes(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("thank you very much"), TestSpeech.Silence(1000)));

        await client.SendFragmentedAsync(WavHeaders.Standard(), WebSocketMessageType.Binary, TinyFrames());
        foreach (var message in audio.Chunk(3200))
        {
            await client.SendFragmentedAsync(message, WebSocketMessageType.Binary, TinyFrames());
        }

        await client.CloseAndDrainAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        var recognition = Assert.Single(client.Finals).GetProperty("recognition").GetString()!;
        Assert.True(WordErrorRate.Compute("thank you very much", recognition) <= 0.25, $"recognised '{recognition}'");
        await beside.AssertUnaffectedAsync();
    }

    [Fact]
    public async Task Flush_in_one_byte_frames_finalises_the_open_utterance()
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);
        await client.SendAsync(WavHeaders.Standard());
        // No trailing silence: without the flush the utterance stays open until the idle timeout (2 min).
        await client.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station")));

        await client.SendFragmentedAsync("""{"type":"flush"}"""u8.ToArray(), WebSocketMessageType.Text, Enumerable.Repeat(1, 16));
        await client.WaitForFinalsAsync(1, Patience);

        Assert.Null(client.CloseStatus);
        Assert.Contains("train", Assert.Single(client.Finals).GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
        await client.CloseAndDrainAsync(Patience);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        await beside.AssertUnaffectedAsync();
    }

    [Fact]
    public async Task Text_message_over_the_limit_in_fragments_is_closed_1009_before_its_end()
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);
        await client.SendAsync(WavHeaders.Standard());
        // Each fragment is small; together they pass the 4 KiB text limit.
        var message = Encoding.UTF8.GetBytes($$"""{"type":"flush","padding":"{{new string('x', 5000)}}"}""");

        try
        {
            await client.SendFragmentedAsync(message, WebSocketMessageType.Text, Enumerable.Repeat(100, message.Length / 100));
        }
        catch (WebSocketException)
        {
            // The server may close while fragments are still going out; its close code is what is checked.
        }

        await client.WaitForCloseAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
        Assert.Equal("message larger than 4096 bytes", client.CloseDescription);
        await gateway.AssertActiveAsync(1);
        await beside.AssertUnaffectedAsync();
    }
}
