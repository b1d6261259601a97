using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>Audio and messages the server cannot accept get a close code with a reason that says what was wrong.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BadAudioTests(SharedGateway gateway)
{
    private const string Query = "api-version=1.0&from=en-US&to=es";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<string, byte[], string> BadStreams => new()
    {
        { "not RIFF", "ID3\u0004 this is an mp3 file, not a wav header........"u8.ToArray(), "RIFF" },
        { "stereo", WavHeaders.Standard(channels: 2), "channel" },
        { "8-bit", WavHeaders.Standard(bits: 8), "bit" },
        { "IEEE float", WavHeaders.Standard(bits: 32, formatTag: 3), "float" },
        { "96 kHz", WavHeaders.Standard(sampleRate: 96000), "96000" },
        { "4 kHz", WavHeaders.Standard(sampleRate: 4000), "4000" },
    };

    [Theory]
    [MemberData(nameof(BadStreams))]
    public async Task BadHeader_ClosesWith1003AndReason(string name, byte[] header, string reasonMentions)
    {
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);

        await client.SendAsync([.. header, .. new byte[3200]]);
        await client.WaitForCloseAsync(Patience);

        Assert.True(client.CloseStatus == WebSocketCloseStatus.InvalidMessageType, $"{name}: {client.CloseStatus}");
        Assert.Contains(reasonMentions, client.CloseDescription, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MessageOverOneMebibyte_ClosesWith1009()
    {
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);

        await client.SendAsync([.. WavHeaders.Standard(), .. new byte[(1024 * 1024) + 2]]);
        await client.WaitForCloseAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
    }

    [Fact]
    public async Task UnknownTextMessage_ClosesWith1003()
    {
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);

        await client.SendAsync(WavHeaders.Standard());
        await client.SendTextAsync("""{"type":"dance"}""");
        await client.WaitForCloseAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, client.CloseStatus);
        Assert.Contains("flush", client.CloseDescription);
    }

    [Fact]
    public async Task BadClient_BesideHealthyConversation_HealthyOneUnaffected()
    {
        var speech = Speech.Sentences("i would like a cup of coffee");
        await using var healthy = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);
        await healthy.SendAsync(WavHeaders.Standard());
        var half = speech.Samples.Length / 2;
        await healthy.SendAudioAsync(speech.Samples.AsMemory(0, half));

        await using (var bad = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query))
        {
            await bad.SendAsync(WavHeaders.Standard(channels: 2));
            await bad.WaitForCloseAsync(Patience);
            Assert.Equal(WebSocketCloseStatus.InvalidMessageType, bad.CloseStatus);
        }

        await using (var vanishing = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query))
        {
            await vanishing.SendAsync(WavHeaders.Standard());
            await vanishing.SendAudioAsync(TestSpeech.Flite("hello there"));
            vanishing.Abort();
        }

        await healthy.SendAudioAsync(speech.Samples.AsMemory(half));
        await healthy.CloseAndDrainAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, healthy.CloseStatus);
        var final = Assert.Single(healthy.Finals);
        Assert.True(WordErrorRate.Compute(speech.Sentences[0].Text, final.GetProperty("recognition").GetString()!) <= 0.2);
    }
}
