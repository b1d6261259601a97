using System.Net.Http.Json;
using System.Text.Json;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.EndToEnd.Tests.Neural;

/// <summary>
/// A server configured with a models directory serves conversations with those models, over the
/// real WebSocket path. The models are contract models (the real exports' inputs and outputs, with
/// a behaviour the test knows), so what comes back shows which engine made it.
/// </summary>
public sealed class NeuralEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_piper_voice_from_the_models_directory_is_listed_and_speaks_the_translation()
    {
        using var models = new ContractModelSet()
            .Add("piper-contract-es", ModelStage.Tts, ModelFamily.Piper, ["es"], dir => PiperContractModel.Write(dir, language: "es", name: "es_ES-contract-medium"));
        await using var server = await GatewayServer.StartAsync(models.Settings());

        using var http = new HttpClient { BaseAddress = server.HttpUri };
        var languages = await http.GetFromJsonAsync<JsonElement>("/languages?api-version=1.0&scope=tts");
        var voice = languages.GetProperty("tts").GetProperty("es-ES-PiperContract");
        Assert.Equal("es", voice.GetProperty("language").GetString());

        var speech = Speech.Sentences("where is the train station");
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri,
            "api-version=1.0&from=en-US&to=es&features=TextToSpeech&voice=es-ES-PiperContract&format=audio/wav");
        await client.SendAsync(WavHeaders.NAudio());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);

        var audio = Assert.Single(client.Audio);
        // The contract voice sings one pure tone (0.05 rad per sample at 22,050 Hz, about 175 Hz)
        // where flite or espeak-ng would speak: count its zero crossings.
        var (samples, rate) = ReadWav(audio);
        var crossings = samples.Zip(samples.Skip(1)).Count(p => (p.First < 0) != (p.Second < 0));
        var hertz = crossings / 2.0 / (samples.Length / (double)rate);
        Assert.InRange(hertz, 150, 200);
    }

    [Fact]
    public async Task Whisper_marian_and_piper_models_carry_a_conversation_from_speech_to_spoken_translation()
    {
        using var models = new ContractModelSet()
            // The layout the manifest's real models have: encoder plus one merged decoder; Marian without target.spm.
            .Add("whisper-contract", ModelStage.Asr, ModelFamily.Whisper, ["en"], dir => WhisperContractModel.Write(dir, "hello world", language: "en", merged: true))
            .Add("marian-contract", ModelStage.Mt, ModelFamily.Marian, ["en", "es"], dir => Seq2SeqContractModel.WriteMarian(dir, merged: true))
            .Add("piper-contract-es", ModelStage.Tts, ModelFamily.Piper, ["es"], dir => PiperContractModel.Write(dir, language: "es", name: "es_ES-contract-medium"));
        await using var server = await GatewayServer.StartAsync(models.Settings());

        // Any speech will do: the contract recognizer "hears" its text in whatever is loud enough.
        var speech = Speech.Sentences("where is the train station");
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri,
            "api-version=1.0&from=en-US&to=es&features=Partial,TextToSpeech&voice=es-ES-PiperContract");
        await client.SendAsync(WavHeaders.NAudio());
        await client.SendAudioAsync(speech.Samples);
        await client.WaitForFinalsAsync(1, Patience);
        await client.CloseAndDrainAsync(Patience);

        var final = Assert.Single(client.Finals);
        var recognition = final.GetProperty("recognition").GetString()!;
        var translation = final.GetProperty("translation").GetString()!;
        Assert.Equal("hello world", recognition.TrimEnd('.').ToLowerInvariant());
        Assert.True(translation.Contains("mundo", StringComparison.OrdinalIgnoreCase), $"translation of '{recognition}': '{translation}'");
        Assert.Single(client.Audio);
    }

    [Fact]
    public async Task A_model_file_that_is_not_the_one_named_stops_start_up_and_the_message_names_it()
    {
        using var models = new ContractModelSet()
            .Add("piper-contract", ModelStage.Tts, ModelFamily.Piper, ["en"], dir => PiperContractModel.Write(dir));
        var config = Path.Combine(models.Directory, "piper-contract", "en_US-contract-medium.onnx.json");
        File.AppendAllText(config, " ");

        var error = await Assert.ThrowsAsync<ModelFileException>(() => GatewayServer.StartAsync(models.Settings()));

        Assert.Contains(config, error.Message);
        Assert.Contains("expected sha256", error.Message);
    }

    private static (short[] Samples, int Rate) ReadWav(byte[] wav)
    {
        using var reader = new NAudio.Wave.WaveFileReader(new MemoryStream(wav));
        var bytes = new byte[reader.Length];
        reader.ReadExactly(bytes);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return (samples, reader.WaveFormat.SampleRate);
    }
}
