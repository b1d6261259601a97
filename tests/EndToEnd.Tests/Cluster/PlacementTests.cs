using System.Net;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Cluster;

/// <summary>Silos advertise their engines; worker grains go only where their engine is; the catalog follows live silos.</summary>
public sealed class PlacementTests
{
    [Fact]
    public async Task SplitEngines_ConversationUsesBothSilos_EachWorkerOnlyOnItsCapableSilo()
    {
        await using var cluster = await RedisCluster.StartAsync("vad,asr,truetext", "mt,tts");
        var (recognizing, translating) = (cluster.Silos[0], cluster.Silos[1]);
        var speech = Speech.Sentences("where is the train station");
        await using var client = await ProtocolClient.ConnectAsync(cluster.Gateway.WebSocketUri,
            "api-version=1.0&from=en-US&to=es&features=texttospeech");

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
        var activations = await cluster.ActivationsAsync();
        await client.CloseAndDrainAsync(TimeSpan.FromSeconds(60));

        var seen = string.Join("; ", activations.Select(a => $"{a.Key}: {string.Join(",", a.Value.Select(t => $"{t.Key}={t.Value}"))}"));
        var final = Assert.Single(client.Finals);
        Assert.Contains("train", final.GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tren", final.GetProperty("translation").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Single(client.Audio);
        string[] onRecognizing = ["VoiceActivityGrain", "RecognitionGrain", "TextWorkerGrain"];
        string[] onTranslating = ["TranslationGrain", "SynthesisGrain"];
        foreach (var (port, types) in activations)
        {
            var allowed = port == recognizing.SiloPort ? onRecognizing : port == translating.SiloPort ? onTranslating : [];
            var workers = types.Keys.Where(t => t != "SessionGrain" && t != "CatalogGrain");
            Assert.All(workers, w => Assert.Contains(w, allowed));
        }

        Assert.True(activations.GetValueOrDefault(translating.SiloPort)?.ContainsKey("TranslationGrain"), $"no translation worker on the translating silo {translating.SiloPort}: {seen}");
        Assert.True(activations.GetValueOrDefault(recognizing.SiloPort)?.ContainsKey("VoiceActivityGrain"), $"no VAD worker on the recognizing silo {recognizing.SiloPort}: {seen}");
    }

    [Fact]
    public async Task TranslatingSiloGone_AskingForItsLanguage_Is400()
    {
        await using var cluster = await RedisCluster.StartAsync("vad,asr,truetext", "mt,tts");
        await using (var before = await ProtocolClient.ConnectAsync(cluster.Gateway.WebSocketUri, "api-version=1.0&from=en-US&to=es"))
        {
            Assert.Single(before.ResponseHeaders["X-RequestId"]);
        }

        cluster.Silos[1].Kill();

        HandshakeRefusal? refusal = null;
        for (var attempt = 0; attempt < 60 && refusal?.Status != HttpStatusCode.BadRequest; attempt++)
        {
            await Task.Delay(500);
            refusal = await ProtocolClient.RefusedAsync(cluster.Gateway.WebSocketUri, "api-version=1.0&from=en-US&to=es");
        }

        Assert.Equal(HttpStatusCode.BadRequest, refusal!.Status);
        Assert.Contains("to=es", refusal.ErrorMessage);
    }
}
