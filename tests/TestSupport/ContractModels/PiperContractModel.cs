using System.Text.Json;
using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.TestSupport.ContractModels;

/// <summary>
/// A tiny stand-in for a Piper VITS voice: the real export's inputs and output (names, element types,
/// ranks: <c>input</c> int64 [batch, phonemes], <c>input_lengths</c> int64 [batch], <c>scales</c> float [3],
/// <c>sid</c> int64 [1] when multi-speaker; <c>output</c> float [batch, 1, 1, time]) and a config json,
/// with a behaviour a test can predict exactly:
/// <c>output[t] = mean(input) / 256 · sin(t · 0.05 · (1 + sid))</c> for
/// <c>t &lt; floor(input_lengths · 256 · length_scale)</c>. So the length shows how many ids arrived and the
/// length scale, the amplitude which ids, and the frequency which speaker.
/// </summary>
public static class PiperContractModel
{
    public const int SamplesPerId = 256;
    public const float BaseFrequency = 0.05f;

    // A phoneme id map covering what espeak-ng's IPA gives for English (and most of its other
    // languages): Piper's special marks first, then punctuation, letters and IPA symbols, one id each.
    // Ids stay below 256 so the contract's amplitude stays below 1.
    private static readonly string[] Phonemes =
    [
        "_", "^", "$", " ", "!", "'", "(", ")", ",", "-", ".", ":", ";", "?",
        .. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString()),
        .. "æçðøħŋœɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱ".Select(c => c.ToString()),
        "\u0303", "\u0329", "\u031A", "\u0361",
    ];

    /// <summary>The phonemes the written config maps, in id order (id = index).</summary>
    public static IReadOnlyList<string> KnownPhonemes => Phonemes;

    /// <summary>
    /// Writes <c>&lt;name&gt;.onnx</c> and <c>&lt;name&gt;.onnx.json</c> into <paramref name="directory"/>
    /// (created); returns the model's path.
    /// </summary>
    /// <param name="speakers">More than one: the model takes <c>sid</c> and the config maps speakers <c>s0</c>, <c>s1</c>...</param>
    /// <param name="withoutPhonemes">Phonemes left out of the map (to see them skipped).</param>
    /// <param name="writeConfig">False: the model alone, as a broken voice directory has it.</param>
    /// <param name="language"><c>en</c> (US English, espeak-ng's <c>en-us</c>) or <c>es</c> (Spain).</param>
    public static string Write(
        string directory,
        int sampleRate = 22050,
        int speakers = 1,
        float lengthScale = 1f,
        string name = "en_US-contract-medium",
        IEnumerable<string>? withoutPhonemes = null,
        bool writeConfig = true,
        string language = "en")
    {
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, name + ".onnx");
        Build(speakers > 1).Save(modelPath);
        if (writeConfig)
        {
            File.WriteAllText(modelPath + ".json", Config(sampleRate, speakers, lengthScale, withoutPhonemes?.ToHashSet() ?? [], language));
        }

        return modelPath;
    }

    /// <summary>The id the written config gives <paramref name="phoneme"/>.</summary>
    public static long IdOf(string phoneme) => Array.IndexOf(Phonemes, phoneme) is var id and >= 0
        ? id
        : throw new ArgumentException($"the contract map has no '{phoneme}'", nameof(phoneme));

    private static OnnxGraphBuilder Build(bool multiSpeaker)
    {
        var graph = new OnnxGraphBuilder("piper_contract", opset: 15)
            .Input("input", DataType.Int64, "batch_size", "phonemes")
            .Input("input_lengths", DataType.Int64, "batch_size")
            .Input("scales", DataType.Float, 3);
        if (multiSpeaker)
        {
            graph.Input("sid", DataType.Int64, 1);
        }

        graph.Output("output", DataType.Float, "batch_size", 1, 1, "time");

        // time = floor(input_lengths * 256 * length_scale), as a scalar for Range.
        var lengthScale = graph.Node("Slice", ["scales", graph.Scalars(1), graph.Scalars(2), graph.Scalars(0)]);
        var lengths = graph.Node("Cast", ["input_lengths"], null, ("to", (long)DataType.Float));
        var perId = graph.Constant("samples_per_id", [(float)SamplesPerId], 1);
        var time = graph.Node("Floor", [graph.Node("Mul", [graph.Node("Mul", [lengths, perId]), lengthScale])]);
        var limit = graph.Node("Squeeze", [time, graph.Scalars(0)]);
        var t = graph.Node("Range", [graph.Constant("zero", [0f]), limit, graph.Constant("one", [1f])]);

        // Frequency from the speaker, amplitude from the ids.
        var step = graph.Constant("step", [BaseFrequency], 1);
        var frequency = multiSpeaker
            ? graph.Node("Mul", [graph.Node("Add", [graph.Node("Cast", ["sid"], null, ("to", (long)DataType.Float)), graph.Constant("one_v", [1f], 1)]), step])
            : step;
        var ids = graph.Node("Cast", ["input"], null, ("to", (long)DataType.Float));
        var amplitude = graph.Node("Div", [graph.Node("ReduceMean", [ids], null, ("keepdims", 0L)), graph.Constant("id_range", [256f])]);
        var wave = graph.Node("Mul", [graph.Node("Sin", [graph.Node("Mul", [t, frequency])]), amplitude]);
        graph.Node("Reshape", [wave, graph.Constant("shape", new long[] { 1, 1, 1, -1 }, 4)], ["output"]);
        return graph;
    }

    // language "en" is a US English voice (espeak-ng's en-us); "es" a Spanish one (espeak-ng's es).
    private static string Config(int sampleRate, int speakers, float lengthScale, HashSet<string> without, string language)
    {
        var (espeak, code, region, languageName, country) = language == "es"
            ? ("es", "es_ES", "ES", "Spanish", "Spain")
            : ("en-us", "en_US", "US", "English", "United States");
        var config = new Dictionary<string, object>
        {
            ["dataset"] = "contract",
            ["audio"] = new Dictionary<string, object> { ["sample_rate"] = sampleRate, ["quality"] = "medium" },
            ["espeak"] = new Dictionary<string, object> { ["voice"] = espeak },
            ["language"] = new Dictionary<string, object> { ["code"] = code, ["family"] = language, ["region"] = region, ["name_english"] = languageName, ["country_english"] = country },
            ["inference"] = new Dictionary<string, object> { ["noise_scale"] = 0.667, ["length_scale"] = lengthScale, ["noise_w"] = 0.8 },
            ["phoneme_type"] = "espeak",
            ["phoneme_id_map"] = Phonemes.Select((p, id) => (p, id)).Where(e => !without.Contains(e.p)).ToDictionary(e => e.p, e => new long[] { e.id }),
            ["num_symbols"] = 256,
            ["num_speakers"] = speakers,
            ["speaker_id_map"] = Enumerable.Range(0, speakers > 1 ? speakers : 0).ToDictionary(s => $"s{s}", s => s),
            ["piper_version"] = "1.0.0",
        };
        return JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true });
    }
}
