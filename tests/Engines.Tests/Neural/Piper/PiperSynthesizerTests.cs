using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Neural;
using SpeechCluster.Engines.Neural.Piper;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Tests.Synthesis;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Piper;

[Collection(EspeakCollection.Name)]
public sealed class PiperSynthesizerTests : IDisposable
{
    private const string Voice = "en-US-PiperContract";

    private readonly PiperVoiceDirectory _directory = new();
    private readonly OnnxSessionFactory _sessions = new(OnnxDevice.Cpu, NullLogger<OnnxSessionFactory>.Instance);
    private readonly EspeakPhonemizer _phonemizer = EspeakPhonemizer.Create();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Voices_lists_the_loaded_voice_from_its_config()
    {
        using var synthesizer = Load(PiperContractModel.Write(_directory.Sub("a")));

        var voice = Assert.Single(synthesizer.Voices);
        Assert.Equal(new VoiceInfo(Voice, "PiperContract", "unknown", "en-US", "en", "English", "United States"), voice);
    }

    [Fact]
    public void Speech_is_the_models_output_for_the_phoneme_ids_of_the_text()
    {
        using var voice = PiperVoice.Load(Path.GetDirectoryName(PiperContractModel.Write(_directory.Sub("a")))!, _sessions, _phonemizer);
        using var synthesizer = new PiperSynthesizer([voice]);
        var ids = voice.PhonemeIds(Assert.Single(_phonemizer.Phonemize("Hello world.", "en-us")));

        var audio = synthesizer.Synthesize("Hello world.", Voice);

        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(ids.Length * PiperContractModel.SamplesPerId, audio.Samples.Length);
        AssertTone(audio.Samples, amplitude: ids.Average() / 256, frequency: PiperContractModel.BaseFrequency);
    }

    [Fact]
    public void Length_follows_the_phoneme_count_and_the_voices_length_scale()
    {
        using var normal = Load(PiperContractModel.Write(_directory.Sub("normal")));
        using var slow = Load(PiperContractModel.Write(_directory.Sub("slow"), lengthScale: 1.5f));

        var shortText = normal.Synthesize("Hi.", Voice).Samples.Length;
        var longText = normal.Synthesize("Hi there, how are you doing today.", Voice).Samples.Length;
        var slower = slow.Synthesize("Hi there, how are you doing today.", Voice).Samples.Length;

        Assert.Equal(0, shortText % PiperContractModel.SamplesPerId);
        Assert.True(longText > 5 * shortText, $"{longText} samples for a long sentence, {shortText} for a short one");
        Assert.Equal(longText * 3 / 2, slower);
    }

    [Fact]
    public void Audio_comes_at_the_voices_own_rate()
    {
        using var synthesizer = Load(PiperContractModel.Write(_directory.Sub("low"), sampleRate: 16000));

        var audio = synthesizer.Synthesize("Hello world.", Voice);

        Assert.Equal(16000, audio.SampleRate);
        Assert.NotEmpty(audio.Samples);
    }

    [Fact]
    public void Long_text_is_spoken_sentence_by_sentence_with_a_pause_between()
    {
        using var voice = PiperVoice.Load(Path.GetDirectoryName(PiperContractModel.Write(_directory.Sub("a")))!, _sessions, _phonemizer);
        var sentences = _phonemizer.Phonemize("Hello world. How are you?", "en-us");

        var samples = voice.Speak("Hello world. How are you?");

        Assert.Equal(2, sentences.Count);
        var first = voice.PhonemeIds(sentences[0]).Length * PiperContractModel.SamplesPerId;
        var pause = 22050 / 5;
        Assert.Equal(first + pause + (voice.PhonemeIds(sentences[1]).Length * PiperContractModel.SamplesPerId), samples.Length);
        Assert.All(samples[first..(first + pause)], s => Assert.Equal(0, s));
        AssertTone(samples[..first], voice.PhonemeIds(sentences[0]).Average() / 256, PiperContractModel.BaseFrequency);
    }

    [Fact]
    public void Unknown_phonemes_are_skipped()
    {
        using var full = PiperVoice.Load(Path.GetDirectoryName(PiperContractModel.Write(_directory.Sub("full")))!, _sessions, _phonemizer);
        using var partial = PiperVoice.Load(Path.GetDirectoryName(PiperContractModel.Write(_directory.Sub("partial"), withoutPhonemes: ["ˈ"]))!, _sessions, _phonemizer);

        var difference = full.Speak("hello world").Length - partial.Speak("hello world").Length;

        Assert.Equal(2 * 2 * PiperContractModel.SamplesPerId, difference); // two stress marks, each with its pad
    }

    [Fact]
    public void Multi_speaker_voice_passes_the_speaker_id()
    {
        using var voice = PiperVoice.Load(Path.GetDirectoryName(PiperContractModel.Write(_directory.Sub("many"), speakers: 3))!, _sessions, _phonemizer);
        var ids = voice.PhonemeIds(Assert.Single(_phonemizer.Phonemize("hello", "en-us")));

        AssertTone(voice.Speak("hello"), ids.Average() / 256, PiperContractModel.BaseFrequency);
        AssertTone(voice.Speak("hello", speaker: "s2"), ids.Average() / 256, PiperContractModel.BaseFrequency * 3);
        Assert.Throws<ArgumentException>(() => voice.Speak("hello", speaker: "nobody"));
    }

    [Fact]
    public void Missing_config_is_a_clear_error_naming_the_file()
    {
        var model = PiperContractModel.Write(_directory.Sub("noconfig"), writeConfig: false);

        var error = Assert.Throws<FileNotFoundException>(() => PiperVoice.Load(Path.GetDirectoryName(model)!, _sessions, _phonemizer));

        Assert.Equal(model + ".json", error.FileName);
        Assert.Contains(model + ".json", error.Message);
    }

    [Fact]
    public void Directory_without_a_model_is_a_clear_error()
    {
        Directory.CreateDirectory(_directory.Sub("empty"));

        var error = Assert.Throws<FileNotFoundException>(() => PiperVoice.Load(_directory.Sub("empty"), _sessions, _phonemizer));

        Assert.Contains(_directory.Sub("empty"), error.Message);
        Assert.Contains("*.onnx", error.Message);
    }

    [Fact]
    public void Config_without_the_special_phonemes_is_refused_naming_the_file()
    {
        var model = PiperContractModel.Write(_directory.Sub("nopad"), withoutPhonemes: ["_"]);

        var error = Assert.Throws<InvalidDataException>(() => PiperVoice.Load(Path.GetDirectoryName(model)!, _sessions, _phonemizer));

        Assert.Contains(model + ".json", error.Message);
        Assert.Contains("lacks [_]", error.Message);
    }

    [Fact]
    public void Unknown_voice_id_is_refused()
    {
        using var synthesizer = Load(PiperContractModel.Write(_directory.Sub("a")));

        Assert.Throws<VoiceNotFoundException>(() => synthesizer.Synthesize("hello", "en-US-PiperNobody"));
        Assert.Empty(synthesizer.Synthesize("  ", Voice).Samples);
    }

    private PiperSynthesizer Load(string modelPath) =>
        PiperSynthesizer.Load([Path.GetDirectoryName(modelPath)!], _sessions, NullLogger<PiperSynthesizer>.Instance);

    private static void AssertTone(short[] samples, double amplitude, double frequency)
    {
        Assert.True(amplitude is > 0.05 and < 1, $"amplitude {amplitude}");
        for (var t = 0; t < samples.Length; t++)
        {
            var expected = amplitude * Math.Sin(t * frequency) * short.MaxValue;
            Assert.True(Math.Abs(samples[t] - expected) <= 3 + (t * 1e-4), $"sample {t}: {samples[t]}, expected {expected:F1}");
        }
    }
}
