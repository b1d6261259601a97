using System.Diagnostics;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;
using Xunit.Abstractions;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>A client that sends 20 s of audio at once is read no faster than real time plus the allowance.</summary>
public sealed class BackpressureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwentySecondsSentAtOnce_GatewayReadsItNoFasterThanTheAllowancePermits()
    {
        const int AllowanceSeconds = 2;
        const int SpeechAtMs = 17_000;
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:MaxAudioAhead"] = $"00:00:0{AllowanceSeconds}",
        });
        var audio = TestSpeech.Concat(TestSpeech.Silence(SpeechAtMs), TestSpeech.Flite("hello world"), TestSpeech.Silence(1000));
        Assert.True(audio.Length >= 20 * 16_000 - 16_000, "about 20 s of audio");
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        var clock = Stopwatch.StartNew();
        var sending = Task.Run(async () =>
        {
            await client.SendAsync(WavHeaders.Standard());
            await client.SendAudioAsync(audio);   // as fast as the socket takes it
        });
        await client.WaitForFinalsAsync(1, TimeSpan.FromSeconds(120));
        var finalAfter = clock.Elapsed;
        await sending;
        output.WriteLine($"final after {finalAfter.TotalSeconds:F1} s; all sent after {clock.Elapsed.TotalSeconds:F1} s");

        // The final needs the speech, which starts 17 s into the stream: the gateway may read it no
        // sooner than 17 - 2 s after the first sample. Unpaced, it comes within a few seconds. Only a
        // lower bound is checked, which a slow or loaded machine cannot break.
        var final = Assert.Single(client.Finals);
        Assert.NotEqual("", final.GetProperty("recognition").GetString());
        Assert.True(finalAfter >= TimeSpan.FromMilliseconds(SpeechAtMs) - TimeSpan.FromSeconds(AllowanceSeconds),
            $"the final came {finalAfter.TotalSeconds:F1} s after sending began: the gateway read audio more than {AllowanceSeconds} s ahead of real time");
        await client.CloseAndDrainAsync(TimeSpan.FromSeconds(30));
    }
}
