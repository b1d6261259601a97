using System.Diagnostics;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;
using Xunit.Abstractions;

namespace SpeechCluster.EndToEnd.Tests.Cluster;

/// <summary>A silo dies (SIGKILL) or is stopped (SIGTERM) mid-conversation: no utterance the client finished speaking is lost or repeated.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    private static readonly string[] Sentences =
        ["i would like a cup of coffee", "where is the train station", "the weather is very nice today", "hello world"];

    [Fact]
    public Task SiloKilledMidConversation_EveryUtteranceGetsExactlyOneFinalInOrderWithSpeech() =>
        StopSiloMidConversationAsync(clients: 3, silo =>
        {
            silo.Kill();
            return Task.CompletedTask;
        });

    /// <summary>
    /// SIGTERM, as Kubernetes sends on a rolling update: Orleans shuts the silo down gracefully and
    /// deactivates its sessions, whose result streams end early; the gateway rebuilds each on the
    /// other silo from the audio it kept.
    /// </summary>
    [Fact]
    public Task SiloTerminatedMidConversation_EveryUtteranceGetsExactlyOneFinalInOrderWithSpeech() =>
        StopSiloMidConversationAsync(clients: 2, async silo =>
        {
            await silo.TerminateAsync();
            Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        });

    private async Task StopSiloMidConversationAsync(int clients, Func<SiloProcess, Task> stop)
    {
        await using var cluster = await RedisCluster.StartAsync("vad,asr,truetext,mt,tts", "vad,asr,truetext,mt,tts");
        var speech = Speech.Sentences(1500, Sentences);
        var connected = new List<ProtocolClient>();
        for (var i = 0; i < clients; i++)
        {
            connected.Add(await ProtocolClient.ConnectAsync(cluster.Gateway.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=texttospeech"));
        }

        try
        {
            var streaming = connected.Select(async c =>
            {
                await c.SendAsync(WavHeaders.Standard());
                await c.SendAudioPacedAsync(speech.Samples);
            }).ToList();

            // Once every conversation has its first final, kill the silo that holds the most sessions.
            await Task.WhenAll(connected.Select(c => c.WaitForFinalsAsync(1, TimeSpan.FromSeconds(180))));
            var activations = await cluster.ActivationsAsync();
            var victim = cluster.Silos.MaxBy(s => activations.GetValueOrDefault(s.SiloPort)?.GetValueOrDefault("SessionGrain") ?? 0)!;
            var killedAt = Stopwatch.StartNew();
            await stop(victim);
            output.WriteLine($"stopped the silo on port {victim.SiloPort} holding {activations.GetValueOrDefault(victim.SiloPort)?.GetValueOrDefault("SessionGrain")} sessions");

            await Task.WhenAll(streaming);
            await Task.WhenAll(connected.Select(c => c.CloseAndDrainAsync(TimeSpan.FromSeconds(90))));
            output.WriteLine($"streams finished {killedAt.Elapsed.TotalSeconds:F1} s after the kill");

            foreach (var client in connected)
            {
                var finals = client.Finals.ToList();
                var texts = finals.Select(f => f.GetProperty("recognition").GetString()!).ToList();
                output.WriteLine(string.Join(" | ", texts));
                var ids = finals.Select(f => f.GetProperty("id").GetString()).ToList();
                Assert.True(
                    ids.SequenceEqual(Enumerable.Range(0, Sentences.Length).Select(i => i.ToString())),
                    $"final ids [{string.Join(",", ids)}], closed {client.CloseStatus} '{client.CloseDescription}'; gateway logged:\n"
                        + string.Join("\n", cluster.Gateway.Logs.Messages.TakeLast(30)) + "\nsurviving silo said:\n"
                        + string.Join("\n---\n", cluster.Silos.Where(s => s != victim).Select(s => s.Output)));
                for (var i = 0; i < Sentences.Length; i++)
                {
                    Assert.True(WordErrorRate.Compute(Sentences[i], texts[i]) <= 0.35, $"final {i} '{texts[i]}' for '{Sentences[i]}'");
                }

                // Each final is followed by its spoken translation before the next final.
                var kinds = client.Messages.Select(m => m.IsText ? "final" : "audio").ToList();
                Assert.Equal(Enumerable.Repeat(new[] { "final", "audio" }, Sentences.Length).SelectMany(x => x), kinds);
            }
        }
        finally
        {
            foreach (var client in connected)
            {
                await client.DisposeAsync();
            }
        }
    }
}
