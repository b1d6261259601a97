using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.TestSupport.ContractModels;

/// <summary>
/// Contract models of optimum's seq2seq export (encoder_model.onnx with decoder_model.onnx and
/// decoder_with_past_model.onnx, or with decoder_model_merged.onnx; names as in SpeechCluster.Engines'
/// Seq2SeqSignature) that
/// "translate" word by word through a table, so the expected text is known for any input.
/// </summary>
/// <remarks>
/// Model width = vocabulary size, one head. The encoder turns each source id into its one-hot row
/// (zeroed where the attention mask is 0). At decoder position t the logits are
/// <c>table[source id at t, context class]</c>, where the context class is that of the last input
/// token in the first step; in later steps, for Marian, the larger class of the token fed now and
/// the one fed before it (read from the cache: beam search must reorder the cache with the beams),
/// and for NLLB that of the token cached at position 1 (the target language).
/// Position t is the length of the self-attention cache and the source row is read from the
/// cross-attention cache, so a cache that is not passed on, not grown or mixed up between rows
/// yields a wrong text by construction. The self-attention cache holds each input token one-hot.
/// The merged decoder's cached branch outputs empty cross-attention presents, as the real one does:
/// a loop that feeds those back instead of the first step's fails.
/// </remarks>
public static partial class Seq2SeqContractModel
{
    public const int Layers = 2;

    /// <summary>Where the decoder with past reads its context class from.</summary>
    public enum Context
    {
        /// <summary>The token just fed (Marian contract: beam search can differ from greedy).</summary>
        PreviousToken,

        /// <summary>The token at position 1 of the self-attention cache (NLLB contract: the target language token).</summary>
        CachedPosition1,
    }

    /// <param name="contextClass">Per token id, its context class (0 … classes-1).</param>
    /// <param name="table">Logits, [vocab × classes rows (source id × classes + class), vocab].</param>
    /// <param name="merged">Writes decoder_model_merged.onnx instead of the two split decoders.</param>
    public static void WriteOnnx(string directory, int vocab, long[] contextClass, int classes, float[] table, Context context, bool merged = false)
    {
        Directory.CreateDirectory(directory);
        Encoder(vocab).Save(Path.Combine(directory, "encoder_model.onnx"));
        var firstStep = Decoder(vocab, contextClass, classes, table);
        var withPast = DecoderWithPast(vocab, contextClass, classes, table, context, merged);
        if (merged)
        {
            MergedDecoderContract.Build("contract_decoder_merged", firstStep, withPast).Save(Path.Combine(directory, "decoder_model_merged.onnx"));
        }
        else
        {
            firstStep.Save(Path.Combine(directory, "decoder_model.onnx"));
            withPast.Save(Path.Combine(directory, "decoder_with_past_model.onnx"));
        }
    }

    public static OnnxGraphBuilder Encoder(int vocab)
    {
        var graph = new OnnxGraphBuilder("contract_encoder")
            .Input("input_ids", DataType.Int64, "batch_size", "encoder_sequence_length")
            .Input("attention_mask", DataType.Int64, "batch_size", "encoder_sequence_length")
            .Output("last_hidden_state", DataType.Float, "batch_size", "encoder_sequence_length", vocab);
        var oneHot = graph.Node("Gather", [OneHotTable(graph, vocab), "input_ids"]);
        var mask = graph.Node("Cast", ["attention_mask"], null, ("to", (long)DataType.Float));
        var mask3 = graph.Node("Unsqueeze", [mask, graph.Scalars(-1)]);
        graph.Node("Mul", [oneHot, mask3], ["last_hidden_state"]);
        return graph;
    }

    public static OnnxGraphBuilder Decoder(int vocab, long[] contextClass, int classes, float[] table)
    {
        var graph = new OnnxGraphBuilder("contract_decoder")
            .Input("encoder_attention_mask", DataType.Int64, "batch_size", "encoder_sequence_length")
            .Input("input_ids", DataType.Int64, "batch_size", "decoder_sequence_length")
            .Input("encoder_hidden_states", DataType.Float, "batch_size", "encoder_sequence_length", vocab)
            .Output("logits", DataType.Float, "batch_size", "logits_length", vocab);
        for (var layer = 0; layer < Layers; layer++)
        {
            graph.Output($"present.{layer}.decoder.key", DataType.Float, "batch_size", 1, "decoder_sequence_length", vocab)
                .Output($"present.{layer}.decoder.value", DataType.Float, "batch_size", 1, "decoder_sequence_length", vocab)
                .Output($"present.{layer}.encoder.key", DataType.Float, "batch_size", 1, "encoder_sequence_length", vocab)
                .Output($"present.{layer}.encoder.value", DataType.Float, "batch_size", 1, "encoder_sequence_length", vocab);
        }

        // The last input position t = length - 1 reads the source at t; its context is the last input token.
        var length = graph.Node("Shape", ["input_ids"], null, ("start", 1L), ("end", 2L));
        var position = graph.Node("Sub", [length, graph.Scalars(1)]);
        var clamped = ClampToSource(graph, position, graph.Node("Shape", ["encoder_hidden_states"], null, ("start", 1L), ("end", 2L)));
        var sourceRow = graph.Node("Slice", ["encoder_hidden_states", clamped, graph.Node("Add", [clamped, graph.Scalars(1)]), graph.Scalars(1)]);
        var lastToken = graph.Node("Slice", ["input_ids", position, length, graph.Scalars(1)]);
        var classOf = graph.Constant("context_class", contextClass, contextClass.Length);
        Logits(graph, vocab, classes, table, sourceRow, graph.Node("Gather", [classOf, lastToken]));

        var selfCache = graph.Node("Unsqueeze", [graph.Node("Gather", [OneHotTable(graph, vocab), "input_ids"]), graph.Scalars(1)]);
        var crossCache = graph.Node("Unsqueeze", ["encoder_hidden_states", graph.Scalars(1)]);
        for (var layer = 0; layer < Layers; layer++)
        {
            graph.Node("Identity", [selfCache], [$"present.{layer}.decoder.key"]);
            graph.Node("Identity", [selfCache], [$"present.{layer}.decoder.value"]);
            graph.Node("Identity", [crossCache], [$"present.{layer}.encoder.key"]);
            graph.Node("Identity", [crossCache], [$"present.{layer}.encoder.value"]);
        }

        return graph;
    }

    /// <param name="merged">For a branch of the merged decoder: it also outputs the (empty) encoder presents.</param>
    public static OnnxGraphBuilder DecoderWithPast(int vocab, long[] contextClass, int classes, float[] table, Context context, bool merged = false)
    {
        var graph = new OnnxGraphBuilder("contract_decoder_with_past")
            .Input("encoder_attention_mask", DataType.Int64, "batch_size", "encoder_sequence_length")
            .Input("input_ids", DataType.Int64, "batch_size", 1);
        for (var layer = 0; layer < Layers; layer++)
        {
            graph.Input($"past_key_values.{layer}.decoder.key", DataType.Float, "batch_size", 1, "past_decoder_sequence_length", vocab)
                .Input($"past_key_values.{layer}.decoder.value", DataType.Float, "batch_size", 1, "past_decoder_sequence_length", vocab)
                .Input($"past_key_values.{layer}.encoder.key", DataType.Float, "batch_size", 1, "encoder_sequence_length", vocab)
                .Input($"past_key_values.{layer}.encoder.value", DataType.Float, "batch_size", 1, "encoder_sequence_length", vocab);
        }

        graph.Output("logits", DataType.Float, "batch_size", 1, vocab);
        for (var layer = 0; layer < Layers; layer++)
        {
            graph.Output($"present.{layer}.decoder.key", DataType.Float, "batch_size", 1, "past_decoder_sequence_length + 1", vocab)
                .Output($"present.{layer}.decoder.value", DataType.Float, "batch_size", 1, "past_decoder_sequence_length + 1", vocab);
            if (merged)
            {
                graph.Output($"present.{layer}.encoder.key", DataType.Float, "batch_size", 1, 0, vocab)
                    .Output($"present.{layer}.encoder.value", DataType.Float, "batch_size", 1, 0, vocab);
            }
        }

        // The new token's position is the cache length; the source row comes from the cross-attention
        // cache of the last layer (each layer's cache must be passed to its own input).
        var last = Layers - 1;
        var position = graph.Node("Shape", [$"past_key_values.{last}.decoder.key"], null, ("start", 2L), ("end", 3L));
        var crossKey = $"past_key_values.{last}.encoder.key";
        var clamped = ClampToSource(graph, position, graph.Node("Shape", [crossKey], null, ("start", 2L), ("end", 3L)));
        var row4 = graph.Node("Slice", [crossKey, clamped, graph.Node("Add", [clamped, graph.Scalars(1)]), graph.Scalars(2)]);
        var sourceRow = graph.Node("Squeeze", [row4, graph.Scalars(1)]);
        var classOf = graph.Constant("context_class", contextClass, contextClass.Length);
        string classId;
        if (context == Context.PreviousToken)
        {
            // The larger class of the token fed now and the one fed before it (read from the cache),
            // so an output can depend on a choice two steps back: beam search must reorder the cache.
            var before = CachedToken(graph, $"past_key_values.{last}.decoder.value", graph.Node("Sub", [position, graph.Scalars(1)]), position);
            classId = graph.Node("Max", [graph.Node("Gather", [classOf, "input_ids"]), graph.Node("Gather", [classOf, before])]);
        }
        else
        {
            classId = graph.Node("Gather", [classOf, CachedToken(graph, $"past_key_values.{last}.decoder.value", graph.Scalars(1), graph.Scalars(2))]);
        }

        Logits(graph, vocab, classes, table, sourceRow, classId);

        var newEntry = graph.Node("Unsqueeze", [graph.Node("Gather", [OneHotTable(graph, vocab), "input_ids"]), graph.Scalars(1)]);
        for (var layer = 0; layer < Layers; layer++)
        {
            graph.Node("Concat", [$"past_key_values.{layer}.decoder.key", newEntry], [$"present.{layer}.decoder.key"], ("axis", 2L));
            graph.Node("Concat", [$"past_key_values.{layer}.decoder.value", newEntry], [$"present.{layer}.decoder.value"], ("axis", 2L));
            if (merged)
            {
                // What the real merged graph's cached branch gives: nothing.
                foreach (var kind in new[] { "key", "value" })
                {
                    var cross = $"past_key_values.{layer}.encoder.{kind}";
                    graph.Node("Slice", [cross, graph.Scalars(0), graph.Scalars(0), graph.Scalars(2)], [$"present.{layer}.encoder.{kind}"]);
                }
            }
        }

        return graph;
    }

    /// <summary>logits [batch, 1, vocab] = table[argmax(source row) × classes + context class].</summary>
    private static void Logits(OnnxGraphBuilder graph, int vocab, int classes, float[] table, string sourceRow, string contextClassId)
    {
        var sourceId = graph.Node("ArgMax", [sourceRow], null, ("axis", 2L), ("keepdims", 0L));
        var row = graph.Node("Add", [graph.Node("Mul", [sourceId, graph.Scalars(classes)]), contextClassId]);
        var logitsTable = graph.Constant("logits_table", table, vocab * classes, vocab);
        graph.Node("Gather", [logitsTable, row], ["logits"]);
    }

    /// <summary>The token id held one-hot at cache positions [start, end) (one position): [batch, 1].</summary>
    private static string CachedToken(OnnxGraphBuilder graph, string cache, string start, string end) =>
        graph.Node("ArgMax", [graph.Node("Squeeze", [graph.Node("Slice", [cache, start, end, graph.Scalars(2)]), graph.Scalars(1)])], null, ("axis", 2L), ("keepdims", 0L));

    private static string ClampToSource(OnnxGraphBuilder graph, string position, string sourceLength) =>
        graph.Node("Min", [position, graph.Node("Sub", [sourceLength, graph.Scalars(1)])]);

    /// <summary>The identity matrix: row i is token i one-hot (added once per graph).</summary>
    private static string OneHotTable(OnnxGraphBuilder graph, int size)
    {
        var values = new float[size * size];
        for (var i = 0; i < size; i++)
        {
            values[(i * size) + i] = 1;
        }

        return graph.Constant("one_hot", values, size, size);
    }
}
