using System.Text;
using System.Text.Json;
using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.TestSupport.ContractModels;

/// <summary>
/// A tiny Whisper with the inputs and outputs of the optimum split export (encoder_model.onnx,
/// decoder_model.onnx, decoder_with_past_model.onnx, tokenizer.json), or of the merged one
/// (decoder_model_merged.onnx instead of the two decoders), whose decoder spells a known text, so
/// recognition tests know what to expect.
/// </summary>
/// <remarks>
/// The vocabulary is the 256 byte-level tokens (id = byte) and Whisper's special tokens. Behaviour:
/// <list type="bullet">
/// <item>the encoder outputs, per pair of frames, the loudest mel bin of the features;</item>
/// <item>the decoders count the "loud" encoder frames (1.0 above the quietest, i.e. 20 dB in
/// Whisper's scaled log10) in the cross-attention cache and allow <c>tokensPerSecond</c> text tokens
/// per second of them: silence gives end-of-text at once, a short sound a prefix of the text;</item>
/// <item>the token at position p (p = past self-attention length + index in input_ids) is the text's
/// token p − 3 (after the 4-token prompt), then end-of-text (or <c>loop</c> repeated forever); within
/// the prompt it is the prompt's next token, so <c>&lt;|startoftranscript|&gt;</c> alone is followed by
/// the model's language token (Whisper's language detection), whatever the audio;</item>
/// <item>the text is that of the language whose token the row has at position 1 (read from input_ids
/// on the first step, from the self-attention cache after): the model's <c>language</c>, or one of
/// <c>otherTexts</c>' (a multilingual model; detection still answers <c>language</c>);</item>
/// <item>every input id must be the token expected at its position (the prompt
/// <c>&lt;|startoftranscript|&gt;&lt;|lang|&gt;&lt;|transcribe|&gt;&lt;|notimestamps|&gt;</c>, then what it
/// emitted), and every layer's self-attention cache must be as long as the first: otherwise it
/// emits '#' forever, so a decode loop that feeds the wrong token or a cache that does not grow
/// gives the wrong text;</item>
/// <item>present self-attention caches are the past ones concatenated with the new positions;</item>
/// <item>every cross-attention cache fed to the decoder with past must hold the 1500 encoder frames:
/// the merged decoder's cached branch outputs them empty, as the real one does, so a loop that feeds
/// those back instead of the first step's gets no text or an error;</item>
/// <item>each row of a batch is computed from its own input ids and caches alone (its loud frames,
/// its checks), so a row gives in a batch what it gives alone: a silent row beside loud ones stays
/// silent, a row fed a wrong token writes '#' without spoiling the others. Only the positions are the
/// batch's, as the shapes of input_ids and the caches fix them.</item>
/// </list>
/// </remarks>
public static class WhisperContractModel
{
    public const int MelBins = 80;
    public const int Layers = 2;
    public const int Heads = 2;
    public const int HeadSize = 4;
    public const int ModelSize = Heads * HeadSize;
    public const int EndOfText = 256;
    public static readonly string[] Specials =
        ["<|endoftext|>", "<|startoftranscript|>", "<|en|>", "<|es|>", "<|fr|>", "<|translate|>", "<|transcribe|>", "<|notimestamps|>", "<|0.00|>"];

    public static int Vocabulary => 256 + Specials.Length;

    private const int Positions = 449;
    private const int PromptLength = 4;
    private const int Garbage = '#';

    /// <summary>Writes the model files into <paramref name="directory"/>.</summary>
    /// <param name="text">What it recognises (UTF-8 bytes, one token each).</param>
    /// <param name="language">Its language token; any other prompt gives '#'s.</param>
    /// <param name="loop">When set, after <paramref name="text"/> it repeats this forever instead of ending.</param>
    /// <param name="tokensPerSecond">Text tokens allowed per second of loud audio.</param>
    /// <param name="merged">Writes decoder_model_merged.onnx instead of the two split decoders.</param>
    /// <param name="otherTexts">Other languages it recognises (by Whisper's code, e.g. <c>en</c>), with their texts (and the same <paramref name="loop"/>).</param>
    public static void Write(string directory, string text, string language = "es", string? loop = null, double tokensPerSecond = 10, bool merged = false,
        IReadOnlyDictionary<string, string>? otherTexts = null)
    {
        Directory.CreateDirectory(directory);
        Spoken[] spoken =
        [
            .. new[] { KeyValuePair.Create(language, text) }.Concat(otherTexts ?? new Dictionary<string, string>())
                .Select(pair => new Spoken([Id("<|startoftranscript|>"), Id($"<|{pair.Key}|>"), Id("<|transcribe|>"), Id("<|notimestamps|>")], Emitted(pair.Value, loop))),
        ];
        Encoder().Save(Path.Combine(directory, "encoder_model.onnx"));
        var firstStep = Decoder(spoken, tokensPerSecond, withPast: false, merged);
        var withPast = Decoder(spoken, tokensPerSecond, withPast: true, merged);
        if (merged)
        {
            MergedDecoderContract.Build("whisper-contract-decoder-merged", firstStep, withPast).Save(Path.Combine(directory, "decoder_model_merged.onnx"));
        }
        else
        {
            firstStep.Save(Path.Combine(directory, "decoder_model.onnx"));
            withPast.Save(Path.Combine(directory, "decoder_with_past_model.onnx"));
        }

        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), TokenizerJson());
        File.WriteAllText(Path.Combine(directory, "config.json"),
            JsonSerializer.Serialize(new { num_mel_bins = MelBins, decoder_layers = Layers, d_model = ModelSize }));
    }

    /// <summary>The encoder alone, with an input of another name (for signature tests).</summary>
    public static byte[] EncoderWithInput(string inputName) => Encoder(inputName).ToBytes();

    public static int Id(string special)
    {
        var index = Array.IndexOf(Specials, special);
        return index >= 0 ? 256 + index : throw new ArgumentException($"no special token {special}");
    }

    /// <summary>The tokens emitted after the prompt, up to the end of the decoder's context.</summary>
    private static long[] Emitted(string text, string? loop)
    {
        var tokens = Encoding.UTF8.GetBytes(text).Select(b => (long)b).ToList();
        if (loop is null)
        {
            tokens.Add(EndOfText);
        }
        else
        {
            var repeat = Encoding.UTF8.GetBytes(loop);
            while (tokens.Count < Positions)
            {
                tokens.AddRange(repeat.Select(b => (long)b));
            }
        }

        while (tokens.Count < Positions)
        {
            tokens.Add(EndOfText);
        }

        return [.. tokens.Take(Positions)];
    }

    private static OnnxGraphBuilder Encoder(string inputName = "input_features")
    {
        var g = new OnnxGraphBuilder("whisper-contract-encoder")
            .Input(inputName, DataType.Float, "batch_size", MelBins, 3000)
            .Output("last_hidden_state", DataType.Float, "batch_size", 1500, ModelSize);
        var loudest = g.Node("ReduceMax", [inputName], null, ("axes", new long[] { 1 }), ("keepdims", 1L));
        var frames = g.Node("Transpose", [loudest], null, ("perm", new long[] { 0, 2, 1 }));
        var halved = g.Node("Slice", [frames, g.Scalars(0), g.Scalars(3000), g.Scalars(1), g.Scalars(2)]);
        g.Node("Mul", [halved, g.Constant("ones_d", Enumerable.Repeat(1f, ModelSize).ToArray(), ModelSize)], ["last_hidden_state"]);
        return g;
    }

    /// <param name="spoken">The languages it recognises, the model's own first (the one detection answers).</param>
    /// <param name="merged">For a branch of the merged decoder: the decoder with past outputs empty encoder presents too.</param>
    private static OnnxGraphBuilder Decoder(Spoken[] spoken, double tokensPerSecond, bool withPast, bool merged)
    {
        var g = new OnnxGraphBuilder(withPast ? "whisper-contract-decoder-with-past" : "whisper-contract-decoder");
        g.Input("input_ids", DataType.Int64, "batch_size", "decoder_sequence_length");
        if (!withPast)
        {
            g.Input("encoder_hidden_states", DataType.Float, "batch_size", "encoder_sequence_length / 2", ModelSize);
        }

        g.Output("logits", DataType.Float, "batch_size", "decoder_sequence_length", Vocabulary);
        for (var layer = 0; layer < Layers; layer++)
        {
            foreach (var part in new[] { "decoder", "encoder" })
            {
                foreach (var kind in new[] { "key", "value" })
                {
                    if (withPast)
                    {
                        var length = part == "decoder" ? "past_decoder_sequence_length" : "encoder_sequence_length_out";
                        g.Input($"past_key_values.{layer}.{part}.{kind}", DataType.Float, "batch_size", Heads, length, HeadSize);
                    }

                    if (!withPast || part == "decoder" || merged)
                    {
                        var length = part == "decoder" ? "past_decoder_sequence_length + 1" : withPast ? 0 : (object)"encoder_sequence_length_out";
                        g.Output($"present.{layer}.{part}.{kind}", DataType.Float, "batch_size", Heads, length, HeadSize);
                    }
                }
            }
        }

        var count = g.Node("Squeeze", [g.Node("Shape", ["input_ids"], null, ("start", 1L), ("end", 2L)), g.Scalars(0)]);
        var positions = g.Node("Range", [g.Constant("zero", [0L]), count, g.Constant("one", [1L])]);
        var cacheOk = g.Constant("cache_ok", [1f]);
        string crossKey;
        string languageToken;
        if (withPast)
        {
            var pastLength = g.Node("Shape", ["past_key_values.0.decoder.key"], null, ("start", 2L), ("end", 3L));
            positions = g.Node("Add", [positions, pastLength]);
            for (var layer = 0; layer < Layers; layer++)
            {
                foreach (var kind in new[] { "key", "value" })
                {
                    var past = $"past_key_values.{layer}.decoder.{kind}";
                    var length = g.Node("Shape", [past], null, ("start", 2L), ("end", 3L));
                    var same = g.Node("Cast", [g.Node("Equal", [length, pastLength])], null, ("to", (long)DataType.Float));
                    cacheOk = g.Node("Mul", [cacheOk, g.Node("Squeeze", [same, g.Scalars(0)])]);
                    g.Node("Concat", [past, NewEntries(g, layer, kind)], [$"present.{layer}.decoder.{kind}"], ("axis", 0L + 2));

                    var cross = $"past_key_values.{layer}.encoder.{kind}";
                    var frames = g.Node("Shape", [cross], null, ("start", 2L), ("end", 3L));
                    var allFrames = g.Node("Cast", [g.Node("Equal", [frames, g.Scalars(1500)])], null, ("to", (long)DataType.Float));
                    cacheOk = g.Node("Mul", [cacheOk, g.Node("Squeeze", [allFrames, g.Scalars(0)])]);
                    if (merged)
                    {
                        // What the real merged graph's cached branch gives: nothing.
                        g.Node("Slice", [cross, g.Scalars(0), g.Scalars(0), g.Scalars(2)], [$"present.{layer}.encoder.{kind}"]);
                    }
                }
            }

            // Every layer's cross-attention cache takes part, so a decode loop that loses one is caught.
            crossKey = g.Node("Concat", [.. CrossCacheNames("past_key_values")], null, ("axis", 1L));

            // The cache holds each token fed, in every entry of its position.
            var cachedAt1 = g.Node("Slice", ["past_key_values.0.decoder.key", g.Scalars(1), g.Scalars(2), g.Scalars(2)]);
            languageToken = g.Node("Cast", [g.Node("ReduceMax", [cachedAt1], null, ("axes", new long[] { 1, 2, 3 }), ("keepdims", 0L))], null, ("to", (long)DataType.Int64));
        }
        else
        {
            var heads = g.Node("Reshape", ["encoder_hidden_states", g.Scalars(0, -1, Heads, HeadSize)]);
            var cross = g.Node("Transpose", [heads], null, ("perm", new long[] { 0, 2, 1, 3 }));
            for (var layer = 0; layer < Layers; layer++)
            {
                foreach (var kind in new[] { "key", "value" })
                {
                    g.Node("Identity", [NewEntries(g, layer, kind)], [$"present.{layer}.decoder.{kind}"]);
                    g.Node("Identity", [cross], [$"present.{layer}.encoder.{kind}"]);
                }
            }

            crossKey = g.Node("Concat", [.. CrossCacheNames("present")], null, ("axis", 1L));

            // A column of byte 0 (no language: the model's own) after the ids, for <|startoftranscript|> alone.
            var none = g.Node("Mul", [g.Node("Slice", ["input_ids", g.Scalars(0), g.Scalars(1), g.Scalars(1)]), g.Scalars(0)]);
            var padded = g.Node("Concat", ["input_ids", none], null, ("axis", 1L));
            languageToken = g.Node("Squeeze", [g.Node("Slice", [padded, g.Scalars(1), g.Scalars(2), g.Scalars(1)]), g.Scalars(1)]);
        }

        // Each row reads the table of its language: row (language × Positions + position).
        var languageOf = new long[Vocabulary];
        for (var i = 0; i < spoken.Length; i++)
        {
            languageOf[spoken[i].Prompt[1]] = i;
        }

        var language = g.Node("Gather", [g.Constant("language_of", languageOf, Vocabulary), languageToken]);
        var tableRows = g.Node("Add", [g.Node("Mul", [g.Node("Unsqueeze", [language, g.Scalars(1)]), g.Scalars(Positions)]), g.Node("Unsqueeze", [positions, g.Scalars(0)])]);

        g.Node("Identity", [Logits(g, positions, tableRows, crossKey, cacheOk, spoken, tokensPerSecond)], ["logits"]);
        return g;
    }

    private static IEnumerable<string> CrossCacheNames(string prefix) =>
        Enumerable.Range(0, Layers).SelectMany(layer => new[] { $"{prefix}.{layer}.encoder.key", $"{prefix}.{layer}.encoder.value" });

    /// <summary>The self-attention entries of the new positions: the token ids, broadcast to [batch, heads, seq, head size].</summary>
    private static string NewEntries(OnnxGraphBuilder g, int layer, string kind)
    {
        var ids = g.Node("Cast", ["input_ids"], null, ("to", (long)DataType.Float));
        var column = g.Node("Unsqueeze", [ids, g.Scalars(1, 3)]);
        return g.Node("Mul", [column, g.Constant($"ones_{layer}_{kind}", Enumerable.Repeat(1f, Heads * HeadSize).ToArray(), 1, Heads, 1, HeadSize)]);
    }

    /// <summary>
    /// The logits, [batch, positions, vocabulary]. Every row is computed from its own input ids and
    /// cache alone (its own loud frames, its own checks), so that rows of a batch behave as each
    /// would alone; only the positions, which the shapes give, are common to the batch.
    /// </summary>
    /// <param name="positions">The positions of input_ids' columns, [sequence].</param>
    /// <param name="tableRows">Per row and column, the row of the tables to read: [batch, sequence].</param>
    /// <param name="crossKey">Every layer's cross-attention cache, concatenated along the heads: [batch, entries, frames, head size].</param>
    /// <param name="cacheOk">1 when the caches' shapes are right, else 0 (a scalar: shapes are the batch's).</param>
    private static string Logits(OnnxGraphBuilder g, string positions, string tableRows, string crossKey, string cacheOk,
        Spoken[] spoken, double tokensPerSecond)
    {
        // Row p of a language's table: what follows position p. Within the prompt that is the
        // prompt's next token, as real Whisper predicts it: row 0, after <|startoftranscript|> alone,
        // is the language token, which is how Whisper detects the language (a row with no language
        // token yet reads the model's own language's table, the first). The prompt's last position
        // predicts emitted[0]. The languages' tables lie one after the other.
        var table = new float[spoken.Length * Positions * Vocabulary];
        var expected = new long[spoken.Length * Positions];
        for (var language = 0; language < spoken.Length; language++)
        {
            var (prompt, emitted) = spoken[language];
            for (var p = 0; p < Positions; p++)
            {
                var next = p < PromptLength - 1 ? prompt[p + 1] : emitted[p - (PromptLength - 1)];
                table[(language * Positions + p) * Vocabulary + next] = 10;
                expected[language * Positions + p] = p < PromptLength ? prompt[p] : emitted[p - PromptLength];
            }
        }

        var rows = g.Node("Gather", [g.Constant("table", table, spoken.Length * Positions, Vocabulary), tableRows], null, ("axis", 0L));
        var endRow = g.Constant("end_row", OneHot(EndOfText), Vocabulary);
        var garbageRow = g.Constant("garbage_row", OneHot(Garbage), Vocabulary);
        var one = g.Constant("one_f", [1f]);

        // Loud encoder frames (50 a second) allow tokensPerSecond / 50 tokens each; a row's frames
        // are loud against that row's quietest, so a silent row stays silent beside loud ones.
        var quietest = g.Node("ReduceMin", [crossKey], null, ("axes", new long[] { 1, 2, 3 }), ("keepdims", 1L));
        var loud = g.Node("Greater", [crossKey, g.Node("Add", [quietest, one])]);
        var loudEntries = g.Node("ReduceSum", [g.Node("Cast", [loud], null, ("to", (long)DataType.Float)), g.Scalars(1, 2, 3)], null, ("keepdims", 0L));
        var budget = g.Node("Mul", [loudEntries, g.Constant("per_entry", [(float)(tokensPerSecond / 50 / (2 * Layers * Heads * HeadSize))])]);
        var index = g.Node("Sub", [g.Node("Cast", [positions], null, ("to", (long)DataType.Float)), g.Constant("prompt_last", [(float)(PromptLength - 1)])]);
        var speaks = g.Node("Less", [index, g.Node("Unsqueeze", [budget, g.Scalars(1)])]);
        var speak = g.Node("Unsqueeze", [g.Node("Cast", [speaks], null, ("to", (long)DataType.Float)), g.Scalars(2)]);
        var said = g.Node("Add", [g.Node("Mul", [rows, speak]), g.Node("Mul", [endRow, g.Node("Sub", [one, speak])])]);

        // A row is right when each of its own input ids is the one expected at its position.
        var matches = g.Node("Cast", [g.Node("Equal", ["input_ids", g.Node("Gather", [g.Constant("expected", expected, spoken.Length * Positions), tableRows])])], null, ("to", (long)DataType.Float));
        var rowMatches = g.Node("ReduceMin", [matches], null, ("axes", new long[] { 1 }), ("keepdims", 1L));
        var ok = g.Node("Mul", [g.Node("Unsqueeze", [rowMatches, g.Scalars(2)]), cacheOk]);
        return g.Node("Add", [g.Node("Mul", [said, ok]), g.Node("Mul", [garbageRow, g.Node("Sub", [one, ok])])]);
    }

    /// <summary>A language the model recognises: its prompt and the tokens it emits after it.</summary>
    private sealed record Spoken(long[] Prompt, long[] Emitted);

    private static float[] OneHot(int id)
    {
        var row = new float[Vocabulary];
        row[id] = 10;
        return row;
    }

    /// <summary>tokenizer.json: byte-level vocabulary (GPT-2's byte-to-character map, written here independently of the product's) and Whisper's special tokens.</summary>
    private static string TokenizerJson()
    {
        var vocab = new Dictionary<string, int>();
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255;
            vocab[((char)(printable ? b : next++)).ToString()] = b;
        }

        var added = Specials.Select((text, i) => new { id = 256 + i, content = text, special = text != "<|0.00|>" });
        return JsonSerializer.Serialize(new
        {
            version = "1.0",
            added_tokens = added,
            model = new { type = "BPE", vocab, merges = Array.Empty<string>() },
            decoder = new { type = "ByteLevel" },
        });
    }
}
