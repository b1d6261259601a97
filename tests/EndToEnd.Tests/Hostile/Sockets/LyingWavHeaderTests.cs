using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// WAV headers that lie about sizes or declare audio we cannot take, over a real socket: size
/// fields are ignored (streaming clients cannot know them), formats other than 16-bit mono PCM
/// are closed with 1003 and a reason naming what was wrong. A conversation beside is unaffected.
/// </summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class LyingWavHeaderTests(HostileGateway gateway)
{
    private const string Query = "api-version=1.0&from=en-US&to=es";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static TheoryData<string, byte[]> SizesBeyondTheData => new()
    {
        { "RIFF and data sizes 0xFFFFFFFF", WavHeaders.WithSizes(uint.MaxValue, uint.MaxValue) },
        { "sizes of a 1 GiB file over seconds of audio", WavHeaders.WithSizes((1u << 30) + 36, 1u << 30) },
        { "data size of 2 bytes before seconds of audio", WavHeaders.WithSizes(38, 2) },
        { "RIFF size smaller than the header", WavHeaders.WithSizes(4, 0) },
    };

    [Theory]
    [MemberData(nameof(SizesBeyondTheData))]
    public async Task Header_whose_sizes_disagree_with_the_data_is_streamed_as_usual(string name, byte[] header)
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);

        await client.SendAsync(header);
        await client.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("thank you very much"), TestSpeech.Silence(1000)));
        await client.CloseAndDrainAsync(Patience);

        Assert.True(client.CloseStatus == WebSocketCloseStatus.NormalClosure, $"{name}: closed {client.CloseStatus} '{client.CloseDescription}'");
        var recognition = Assert.Single(client.Finals).GetProperty("recognition").GetString()!;
        Assert.True(WordErrorRate.Compute("thank you very much", recognition) <= 0.25, $"{name}: recognised '{recognition}'");
        await beside.AssertUnaffectedAsync();
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "fmt size 0", WavHeaders.WithFmtSize(0), "WAV fmt chunk of 0 bytes is absurd (16-256)" },
        { "fmt size 1 GiB", WavHeaders.WithFmtSize(1u << 30), "WAV fmt chunk of 1073741824 bytes is absurd (16-256)" },
        { "A-law", WavHeaders.Standard(bits: 8, formatTag: 6), "WAV format A-law (0x0006) is not supported; send 16-bit PCM" },
        { "mu-law", WavHeaders.Standard(bits: 8, formatTag: 7), "WAV format mu-law (0x0007) is not supported; send 16-bit PCM" },
        { "MP3", WavHeaders.Standard(bits: 0, formatTag: 0x55), "WAV format MP3 (0x0055) is not supported; send 16-bit PCM" },
        { "stereo", WavHeaders.Standard(channels: 2), "WAV has 2 channels; send mono" },
        { "8-bit PCM", WavHeaders.Standard(bits: 8), "WAV has 8-bit samples; send 16-bit PCM" },
        { "32-bit float", WavHeaders.Standard(bits: 32, formatTag: 3), "WAV format IEEE float (0x0003) is not supported; send 16-bit PCM" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Header_of_audio_we_cannot_take_is_closed_1003_with_the_reason_and_released(string name, byte[] header, string reason)
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);

        await client.SendAsync([.. header, .. new byte[3200]]);
        await client.WaitForCloseAsync(Patience);

        Assert.True(client.CloseStatus == WebSocketCloseStatus.InvalidMessageType, $"{name}: closed {client.CloseStatus}");
        Assert.Equal(reason, client.CloseDescription);
        Assert.Empty(client.Messages);
        await gateway.AssertActiveAsync(1);
        await beside.AssertUnaffectedAsync();
    }

    [Fact]
    public async Task Header_cut_short_by_the_clients_close_is_answered_1000_without_results_and_released()
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);

        await client.SendAsync(WavHeaders.Standard()[..20]);
        await client.CloseAndDrainAsync(Patience);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal("", client.CloseDescription);
        Assert.Empty(client.Messages);
        await gateway.AssertActiveAsync(1);
        await beside.AssertUnaffectedAsync();
    }
}
