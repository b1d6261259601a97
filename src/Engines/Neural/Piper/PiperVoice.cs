using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Neural.Piper;

/// <summary>
/// One Piper (VITS) voice: its ONNX model and <c>.onnx.json</c> config, loaded from a directory that
/// holds exactly one <c>*.onnx</c> and its <c>*.onnx.json</c>. Text is phonemized by espeak-ng and
/// spoken sentence by sentence (as Piper does: a VITS pass is quadratic in its length and a sentence
/// is its unit of prosody), with Piper's 0.2 s of silence between sentences.
/// </summary>
/// <remarks>
/// Thread-safe; at most <c>maxConcurrency</c> inferences run at once (each takes the session's
/// intra-op threads), the others wait. Must be disposed, and not while calls are in flight.
/// </remarks>
public sealed class PiperVoice : IDisposable
{
    private const double SentenceSilenceSeconds = 0.2;

    private readonly InferenceSession _session;
    private readonly EspeakPhonemizer _phonemizer;
    private readonly InferenceLanes _lanes;
    private readonly bool _takesSpeaker;

    private PiperVoice(InferenceSession session, bool takesSpeaker, PiperVoiceConfig config, string modelPath, EspeakPhonemizer phonemizer, int maxConcurrency, string? gender)
    {
        _session = session;
        _takesSpeaker = takesSpeaker;
        _phonemizer = phonemizer;
        _lanes = new InferenceLanes("piper", maxConcurrency);
        Config = config;
        ModelPath = modelPath;
        Info = PiperVoiceInfo.Describe(config, modelPath, gender);
    }

    public PiperVoiceConfig Config { get; }

    public string ModelPath { get; }

    /// <summary>How the voice is listed (<c>en-US-PiperLessac</c>).</summary>
    public VoiceInfo Info { get; }

    /// <summary>The rate of everything it speaks (the config's <c>audio.sample_rate</c>).</summary>
    public int SampleRate => Config.Audio.SampleRate;

    /// <summary>Loads the voice in <paramref name="directory"/>.</summary>
    /// <param name="gender">How to list it (<c>female</c>, <c>male</c>); Piper's config does not say, so <c>unknown</c> by default.</param>
    /// <exception cref="FileNotFoundException">The directory has no <c>*.onnx</c>, or no <c>.onnx.json</c> beside it (named).</exception>
    /// <exception cref="InvalidDataException">Several models, a config or model that is not a Piper voice (named).</exception>
    public static PiperVoice Load(string directory, OnnxSessionFactory sessions, EspeakPhonemizer phonemizer, int maxConcurrency = 1, string? gender = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(phonemizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var modelPath = FindModel(Path.GetFullPath(directory));
        var config = PiperVoiceConfig.Load(modelPath + ".json");
        var session = sessions.Open(modelPath);
        try
        {
            var takesSpeaker = PiperSignature.Verify(session, modelPath);
            if (config.NumSpeakers > 1 && !takesSpeaker)
            {
                throw new InvalidDataException($"{modelPath}: its config has {config.NumSpeakers} speakers but the model has no '{PiperSignature.SpeakerId}' input.");
            }

            return new PiperVoice(session, takesSpeaker, config, modelPath, phonemizer, maxConcurrency, gender);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Speaks <paramref name="text"/>: 16-bit mono at <see cref="SampleRate"/>.</summary>
    /// <param name="speaker">A name from the config's <c>speaker_id_map</c>; <c>null</c>: speaker 0.</param>
    /// <param name="lengthScale">Overrides the config's <c>length_scale</c> (above 1 is slower).</param>
    public short[] Speak(string text, string? speaker = null, float? lengthScale = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var speakerId = SpeakerId(speaker);
        var audio = new List<short>();
        foreach (var sentence in _phonemizer.Phonemize(text, Config.Espeak.Voice))
        {
            if (audio.Count > 0)
            {
                audio.AddRange(new short[(int)(SentenceSilenceSeconds * SampleRate)]);
            }

            audio.AddRange(ToPcm(Infer(PhonemeIds(sentence), speakerId, lengthScale ?? Config.Inference.LengthScale)));
        }

        return [.. audio];
    }

    /// <summary>The model input for one sentence's phonemes (see <see cref="EspeakPhonemizer"/>).</summary>
    internal long[] PhonemeIds(string sentencePhonemes) => PiperPhonemeIds.From(sentencePhonemes, Config.PhonemeIdMap);

    /// <summary>One pass of the model: the waveform in [-1, 1] (not clipped).</summary>
    internal float[] Infer(long[] phonemeIds, long speakerId, float lengthScale)
    {
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(PiperSignature.Input, new DenseTensor<long>(phonemeIds, [1, phonemeIds.Length])),
            NamedOnnxValue.CreateFromTensor(PiperSignature.InputLengths, new DenseTensor<long>(new[] { (long)phonemeIds.Length }, [1])),
            NamedOnnxValue.CreateFromTensor(PiperSignature.Scales, new DenseTensor<float>(new[] { Config.Inference.NoiseScale, lengthScale, Config.Inference.NoiseW }, [3])),
        };
        if (_takesSpeaker)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor(PiperSignature.SpeakerId, new DenseTensor<long>(new[] { speakerId }, [1])));
        }

        return _lanes.Run(() =>
        {
            using var results = _session.Run(inputs, [PiperSignature.Output]);
            return results[0].AsTensor<float>().ToArray();
        });
    }

    public void Dispose()
    {
        _session.Dispose();
        _lanes.Dispose();
    }

    private long SpeakerId(string? speaker)
    {
        if (speaker is null)
        {
            return 0;
        }

        return Config.SpeakerIdMap.TryGetValue(speaker, out var id)
            ? id
            : throw new ArgumentException($"{Info.Id} has no speaker '{speaker}'; it has [{string.Join(", ", Config.SpeakerIdMap.Keys.Take(10))}].", nameof(speaker));
    }

    // Clipped rather than peak-normalized: loudness stays the voice's own from sentence to sentence.
    private static short[] ToPcm(float[] waveform)
    {
        var pcm = new short[waveform.Length];
        for (var i = 0; i < waveform.Length; i++)
        {
            pcm[i] = (short)(Math.Clamp(waveform[i], -1f, 1f) * short.MaxValue);
        }

        return pcm;
    }

    private static string FindModel(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The Piper voice directory {directory} does not exist.");
        }

        var models = Directory.GetFiles(directory, "*.onnx");
        return models.Length switch
        {
            1 => models[0],
            0 => throw new FileNotFoundException($"The Piper voice directory {directory} has no *.onnx model.", Path.Combine(directory, "<voice>.onnx")),
            _ => throw new InvalidDataException($"The Piper voice directory {directory} must hold one *.onnx model, not {models.Length}: {string.Join(", ", models.Select(Path.GetFileName))}."),
        };
    }
}
