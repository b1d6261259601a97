using System.Net;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport.ContractModels;

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
    public async Task LocaleOnlyOneSiloRecognises_EveryUtterancesRecognizerGoesThere()
    {
        // Both silos run "asr", but only the second has a (contract) Whisper model for Spanish: the
        // engine alone would put about half the recognizers on the first silo, which cannot hear Spanish.
        using var models = new ContractModelSet()
            .Add("whisper-contract-es", ModelStage.Asr, ModelFamily.Whisper, ["es"], dir => WhisperContractModel.Write(dir, "hola mundo", language: "es", merged: true));
        await using var cluster = await RedisCluster.StartAsync(("vad,asr,truetext,mt,tts", null), ("asr", models.Settings()));
        var spanish = cluster.Silos[1];
        var speech = Speech.Sentences("where is the train station", "i would like a cup of coffee", "the weather is very nice today");
        await using var client = await ProtocolClient.ConnectAsync(cluster.Gateway.WebSocketUri, "api-version=1.0&from=es-ES&to=en");

        await client.SendAsync(WavHeaders.Standard());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(3, TimeSpan.FromSeconds(90));
        var activations = await cluster.ActivationsAsync();
        await client.CloseAndDrainAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, client.Finals.Count());
        Assert.All(client.Finals, f => Assert.Equal("hola mundo", f.GetProperty("recognition").GetString()!.TrimEnd('.').ToLowerInvariant()));
        Assert.All(activations.Where(a => a.Key != spanish.SiloPort), a => Assert.False(a.Value.ContainsKey("RecognitionGrain"), $"a recognizer on silo {a.Key}"));
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
