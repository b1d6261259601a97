using SpeechCluster.Client;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The .NET client's AutoReconnect (on by default) against the real gateway, through a relay the test cuts.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ClientReconnectTests(SharedGateway gateway)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ConnectionCutMidSentence_ClientResumesByItself_CallerGetsEveryFinalOnceInOrder()
    {
        var first = TestSpeech.Concat(TestSpeech.Silence(500), TestSpeech.Flite("i would like a cup of coffee"), TestSpeech.Silence(1500));
        var second = TestSpeech.Flite("where is the train station");
        var third = TestSpeech.Concat(TestSpeech.Silence(500), TestSpeech.Flite("hello world"), TestSpeech.Silence(1500));
        await using var proxy = new CuttableProxy(gateway.Server.WebSocketUri);
        var options = new SpeechTranslationOptions
        {
            Server = proxy.Address,
            SubscriptionKey = GatewayServer.Key,
            From = "en-US",
            To = ["es"],
            CloseTimeout = HangGuard,
        };
        await using var client = await SpeechTranslationClient.ConnectAsync(options);
        using var guard = new CancellationTokenSource(HangGuard);
        var firstFinal = new TaskCompletionSource();
        var reconnected = new TaskCompletionSource();
        var events = new List<TranslationEvent>();
        var reading = Task.Run(async () =>
        {
            await foreach (var item in client.ReadEventsAsync(guard.Token))
            {
                events.Add(item);
                if (item is TranslationResult { IsFinal: true })
                {
                    firstFinal.TrySetResult();
                }
                else if (item is Reconnected)
                {
                    reconnected.TrySetResult();
                }
            }
        });

        await SendAsync(client, first, paced: false, guard.Token);
        await UntilAsync(firstFinal.Task, reading, guard.Token);
        // The second sentence is cut off by the drop, without trailing silence: its final is produced by the
        // gateway after the drop, so it can only reach the caller through the resumed connection.
        await SendAsync(client, second, paced: true, guard.Token);
        await Task.Delay(500, guard.Token);
        proxy.Cut();
        await UntilAsync(reconnected.Task, reading, guard.Token);
        await SendAsync(client, third, paced: false, guard.Token);
        var closed = await client.CompleteAsync(guard.Token);
        await reading;

        Assert.True(closed is { IsNormal: true }, $"closed: {closed}");
        var finals = events.OfType<TranslationResult>().Where(r => r.IsFinal).ToList();
        Assert.Equal(["0", "1", "2"], finals.Select(f => f.Id));
        Assert.True(WordErrorRate.Compute("i would like a cup of coffee", finals[0].Recognition) <= 0.3, $"final 0 was '{finals[0].Recognition}'");
        Assert.True(WordErrorRate.Compute("where is the train station", finals[1].Recognition) <= 0.3, $"final 1 was '{finals[1].Recognition}'");
        Assert.Contains("hello", finals[2].Recognition, StringComparison.OrdinalIgnoreCase);
        // One drop, announced once, resumed after final 0 on the second connection through the relay.
        Assert.Equal(0, Assert.Single(events.OfType<Reconnecting>()).ResumeFrom);
        Assert.Single(events.OfType<Reconnected>());
        Assert.IsType<Reconnecting>(events[events.IndexOf(finals[0]) + 1]);
        Assert.Equal(2, proxy.Accepted);
    }

    /// <summary>Waits for <paramref name="awaited"/>; a reader that ends first (a lost session) fails the test with its reason.</summary>
    private static async Task UntilAsync(Task awaited, Task reading, CancellationToken cancellationToken)
    {
        if (await Task.WhenAny(awaited, reading).WaitAsync(cancellationToken) == reading)
        {
            await reading;
            Assert.Fail("the events ended early");
        }
    }

    /// <summary>100 ms messages, at real-time pace when <paramref name="paced"/> (data in flight when the relay
    /// is cut is lost, as it is for a real client).</summary>
    private static async Task SendAsync(SpeechTranslationClient client, short[] samples, bool paced, CancellationToken cancellationToken)
    {
        var bytes = TestSpeech.ToBytes(samples);
        for (var offset = 0; offset < bytes.Length; offset += 3200)
        {
            if (paced)
            {
                await Task.Delay(100, cancellationToken);
            }

            await client.SendAudioAsync(bytes.AsMemory(offset, Math.Min(3200, bytes.Length - offset)), cancellationToken);
        }
    }
}
