using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// Conversations that end every way a client can end them (a Close after a final, a FIN, a reset,
/// all mid-utterance but the first) leave no state behind once the resume window has passed: no
/// connection, no leased decoder, no session activation holding audio. Whatever a conversation
/// holds lives in those, so a leak would show here as one of them left over.
/// </summary>
public sealed class NothingLeftBehindTests
{
    [Fact]
    public async Task Closed_aborted_and_reset_conversations_leave_no_connection_decoder_or_session()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?> { ["SpeechCluster:Gateway:ResumeWindow"] = "00:00:02" });
        var registry = server.Services.GetRequiredService<ConversationRegistry>();
        var recognizer = (PocketSphinxRecognizer)server.Services.GetServices<ISpeechRecognizer>().Single();
        var speech = TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station"), TestSpeech.Silence(1000));
        var unfinished = TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("this sentence is cut off by the client going away"));

        var sessions = () => SessionActivationsAsync(server);
        for (var round = 0; round < 2; round++)
        {
            await using var closed = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=partial,texttospeech");
            await using var aborted = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=partial");
            await using var reset = await ProtocolClient.ConnectResettableAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=partial");
            foreach (var client in new[] { closed, aborted, reset })
            {
                await client.SendAsync(WavHeaders.Standard());
            }

            await closed.SendAudioAsync(speech);
            await aborted.SendAudioAsync(unfinished);
            await reset.SendAudioAsync(unfinished);
            await closed.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => recognizer.DecodersLeased >= 2, TimeSpan.FromSeconds(30));
            Assert.True(await sessions() >= 3, "the three sessions are counted while they run");

            aborted.Abort();
            reset.Reset();
            await closed.CloseAndDrainAsync(TimeSpan.FromSeconds(60));
            Assert.Single(closed.Finals);
        }

        await WaitUntilAsync(() => registry.ActiveCount == 0 && recognizer.DecodersLeased == 0 && sessions().GetAwaiter().GetResult() == 0, TimeSpan.FromSeconds(60));

        Assert.Equal(0, registry.ActiveCount);
        Assert.Equal(0, recognizer.DecodersLeased);
        Assert.Equal(0, await sessions());
    }

    private static async Task<int> SessionActivationsAsync(GatewayServer server)
    {
        var management = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("SessionGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    /// <summary>Polls a condition until it holds or the time is up; the caller asserts afterwards (not a speed check).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
