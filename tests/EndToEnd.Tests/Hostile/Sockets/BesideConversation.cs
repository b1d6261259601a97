using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// A well-behaved conversation on the same gateway as a hostile client: it has said half a
/// sentence before the hostile act and says the rest after it, and must still get its final and
/// a normal close.
/// </summary>
internal sealed class BesideConversation : IAsyncDisposable
{
    private const string Sentence = "where is the train station";
    private static readonly Lazy<short[]> Samples = new(() => TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite(Sentence), TestSpeech.Silence(1500)));

    private readonly ProtocolClient _client;

    private BesideConversation(ProtocolClient client) => _client = client;

    /// <summary>Seconds of audio the conversation sends in all (what its tenant is billed).</summary>
    public static double AudioSeconds => Samples.Value.Length / 16000.0;

    /// <summary>Connects (as the tenant of <paramref name="key"/>) and sends the header and the first half of the sentence.</summary>
    public static async Task<BesideConversation> StartAsync(GatewayServer server, string key = GatewayServer.Key)
    {
        var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es", key: key);
        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(Samples.Value.AsMemory(0, Samples.Value.Length / 2));
        return new BesideConversation(client);
    }

    /// <summary>Sends the rest, closes, and asserts that the sentence came back as one final before a 1000 close.</summary>
    public async Task AssertUnaffectedAsync()
    {
        Assert.Null(_client.CloseStatus);
        await _client.SendAudioAsync(Samples.Value.AsMemory(Samples.Value.Length / 2));
        await _client.CloseAndDrainAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, _client.CloseStatus);
        var recognition = Assert.Single(_client.Finals).GetProperty("recognition").GetString()!;
        Assert.True(WordErrorRate.Compute(Sentence, recognition) <= 0.2, $"the conversation beside got '{recognition}'");
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
