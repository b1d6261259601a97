using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeechCluster.Engines.Neural.Piper;

/// <summary>
/// A Piper voice's <c>&lt;voice&gt;.onnx.json</c>, the fields synthesis needs (as written by
/// piper_train's preprocess and shipped in rhasspy/piper-voices).
/// </summary>
public sealed record PiperVoiceConfig
{
    [JsonPropertyName("audio")]
    public PiperAudioConfig Audio { get; init; } = new();

    [JsonPropertyName("espeak")]
    public PiperEspeakConfig Espeak { get; init; } = new();

    [JsonPropertyName("inference")]
    public PiperInferenceConfig Inference { get; init; } = new();

    /// <summary><c>espeak</c> (IPA from espeak-ng; the only kind supported here) or <c>text</c>.</summary>
    [JsonPropertyName("phoneme_type")]
    public string PhonemeType { get; init; } = "espeak";

    /// <summary>Each phoneme (one code point) to its ids; must hold <c>_</c>, <c>^</c> and <c>$</c>.</summary>
    [JsonPropertyName("phoneme_id_map")]
    public Dictionary<string, long[]> PhonemeIdMap { get; init; } = [];

    [JsonPropertyName("num_speakers")]
    public int NumSpeakers { get; init; } = 1;

    [JsonPropertyName("speaker_id_map")]
    public Dictionary<string, long> SpeakerIdMap { get; init; } = [];

    [JsonPropertyName("language")]
    public PiperLanguageConfig? Language { get; init; }

    /// <summary>The recordings it was trained on (<c>lessac</c>): the voice's name.</summary>
    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">It is not a usable Piper voice config; the message names the file.</exception>
    public static PiperVoiceConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Piper voice config {path} is missing (every <voice>.onnx needs its <voice>.onnx.json).", path);
        }

        PiperVoiceConfig? config;
        try
        {
            using var stream = File.OpenRead(path);
            config = JsonSerializer.Deserialize<PiperVoiceConfig>(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a Piper voice config: {e.Message}", e);
        }

        var problem = config is null ? "it is empty" : config.Problem();
        return problem is null ? config! : throw new InvalidDataException($"{path} is not a usable Piper voice config: {problem}.");
    }

    private string? Problem()
    {
        string[] special = [PiperPhonemeIds.Pad, PiperPhonemeIds.Begin, PiperPhonemeIds.End];
        if (Audio.SampleRate is < 8000 or > 48000)
        {
            return $"audio.sample_rate {Audio.SampleRate} is not 8000-48000 Hz";
        }

        if (!string.Equals(PhonemeType, "espeak", StringComparison.OrdinalIgnoreCase))
        {
            return $"phoneme_type '{PhonemeType}' is not supported (only espeak)";
        }

        if (string.IsNullOrWhiteSpace(Espeak.Voice))
        {
            return "espeak.voice is missing";
        }

        var missing = special.Where(p => !PhonemeIdMap.TryGetValue(p, out var ids) || ids.Length == 0).ToList();
        if (missing.Count > 0)
        {
            return $"phoneme_id_map lacks [{string.Join(" ", missing)}]";
        }

        return NumSpeakers < 1 ? $"num_speakers {NumSpeakers} is below 1" : null;
    }
}

public sealed record PiperAudioConfig
{
    [JsonPropertyName("sample_rate")]
    public int SampleRate { get; init; } = 22050;

    [JsonPropertyName("quality")]
    public string? Quality { get; init; }
}

public sealed record PiperEspeakConfig
{
    /// <summary>The espeak-ng voice that phonemizes its text, e.g. <c>en-us</c>.</summary>
    [JsonPropertyName("voice")]
    public string Voice { get; init; } = "";
}

/// <summary>The voice's defaults for the model's <c>scales</c> input.</summary>
public sealed record PiperInferenceConfig
{
    [JsonPropertyName("noise_scale")]
    public float NoiseScale { get; init; } = 0.667f;

    /// <summary>Above 1 speaks slower.</summary>
    [JsonPropertyName("length_scale")]
    public float LengthScale { get; init; } = 1f;

    [JsonPropertyName("noise_w")]
    public float NoiseW { get; init; } = 0.8f;
}

public sealed record PiperLanguageConfig
{
    /// <summary>e.g. <c>en_US</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary>e.g. <c>en</c>.</summary>
    [JsonPropertyName("family")]
    public string? Family { get; init; }

    [JsonPropertyName("name_english")]
    public string? NameEnglish { get; init; }

    [JsonPropertyName("country_english")]
    public string? CountryEnglish { get; init; }
}
