using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>Conversations that end, cleanly or not, leave nothing behind.</summary>
[Collection(GatewayCollection.Name)]
public sealed class CleanupTests(SharedGateway gateway)
{
    [Fact]
    public async Task AbruptDisconnect_MidUtterance_ConnectionAndDecoderReleased()
    {
        var registry = gateway.Server.Services.GetRequiredService<ConversationRegistry>();
        var recognizer = (PocketSphinxRecognizer)gateway.Server.Services.GetServices<ISpeechRecognizer>().Single();
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=partial");
        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("this utterance never ends because the client goes away")));
        await WaitUntilAsync(() => recognizer.DecodersLeased > 0);

        client.Abort();

        await WaitUntilAsync(() => registry.ActiveCount == 0 && recognizer.DecodersLeased == 0);
        Assert.Equal(0, registry.ActiveCount);
        Assert.Equal(0, recognizer.DecodersLeased);
    }

    /// <summary>Polls a condition for up to 20 s; the caller asserts it afterwards (this is not a speed check).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
