using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// The inputs and outputs of an encoder-decoder translation model split into three ONNX files, as
/// Hugging Face optimum's <c>optimum-cli export onnx --task text2text-generation-with-past</c> writes
/// them for MarianMT (OPUS-MT) and M2M100/NLLB-200, and as the Xenova/* repositories on the Hub ship
/// them (under <c>onnx/</c>). Checked so that a wrong file fails at load with a message naming it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>encoder_model.onnx</c>: <c>input_ids</c>, <c>attention_mask</c> (int64 [batch, source])
///   → <c>last_hidden_state</c> (float [batch, source, d_model]).</item>
/// <item><c>decoder_model.onnx</c> (the first step): <c>encoder_attention_mask</c> (int64 [batch, source]),
///   <c>input_ids</c> (int64 [batch, target]), <c>encoder_hidden_states</c> (float [batch, source, d_model])
///   → <c>logits</c> (float [batch, target, vocab]) and, per layer i, <c>present.{i}.decoder.key/value</c>
///   and <c>present.{i}.encoder.key/value</c> (float [batch, heads, length, head_dim]).</item>
/// <item><c>decoder_with_past_model.onnx</c> (every later step): <c>encoder_attention_mask</c>,
///   <c>input_ids</c> (int64 [batch, 1]) and, per layer, <c>past_key_values.{i}.decoder.key/value</c> and
///   <c>past_key_values.{i}.encoder.key/value</c> → <c>logits</c> and <c>present.{i}.decoder.key/value</c>
///   only: since optimum PR #872 (huggingface/optimum, 2023) the cross-attention cache is not output
///   again, it stays what the first step produced.</item>
/// </list>
/// Or, instead of the two decoders, the merged <c>decoder_model_merged.onnx</c> (as pinned from
/// onnx-community/opus-mt-* <c>decoder_model_merged_quantized.onnx</c> and Xenova/nllb-200-distilled-600M):
/// <c>encoder_attention_mask</c>, <c>input_ids</c>, <c>encoder_hidden_states</c>, every
/// <c>past_key_values.{i}.decoder|encoder.key|value</c> and <c>use_cache_branch</c> (bool [1]) →
/// <c>logits</c> and every <c>present.{i}.decoder|encoder.key|value</c>; on the cached branch the
/// <c>present.{i}.encoder.*</c> are degenerate (empty), so the first step's are kept.
/// </remarks>
public static class Seq2SeqSignature
{
    public const string EncoderFile = "encoder_model.onnx";
    public const string DecoderFile = "decoder_model.onnx";
    public const string DecoderWithPastFile = "decoder_with_past_model.onnx";
    public const string MergedDecoderFile = OptimumDecoderFiles.MergedFile;

    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string LastHiddenState = "last_hidden_state";
    public const string EncoderAttentionMask = "encoder_attention_mask";
    public const string EncoderHiddenStates = "encoder_hidden_states";
    public const string Logits = "logits";

    /// <summary>The four cache tensors of one layer, in the order they are named here.</summary>
    public static readonly string[] CacheParts = ["decoder.key", "decoder.value", "encoder.key", "encoder.value"];

    public static string Past(int layer, string part) => $"past_key_values.{layer}.{part}";

    public static string Present(int layer, string part) => $"present.{layer}.{part}";

    public static void VerifyEncoder(InferenceSession session, string path)
    {
        var check = new OnnxSignatureCheck(session, path, "an optimum seq2seq encoder (encoder_model.onnx)");
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Input(AttentionMask, TensorElementType.Int64, 2);
        check.Output(LastHiddenState, TensorElementType.Float, 3);
        check.ThrowIfFailed();
    }

    /// <summary>Checks the first-step decoder; returns its number of layers.</summary>
    public static int VerifyDecoder(InferenceSession session, string path)
    {
        var check = new OnnxSignatureCheck(session, path, "an optimum seq2seq first-step decoder (decoder_model.onnx)");
        check.Input(EncoderAttentionMask, TensorElementType.Int64, 2);
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Input(EncoderHiddenStates, TensorElementType.Float, 3);
        check.Output(Logits, TensorElementType.Float, 3);
        var layers = CountLayers(check, check.Outputs.Keys, "present.");
        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var part in CacheParts)
            {
                check.Output(Present(layer, part), TensorElementType.Float, 4);
            }
        }

        check.ThrowIfFailed();
        return layers;
    }

    /// <summary>Checks the decoder that reads the cache, with as many layers as the first-step decoder.</summary>
    public static void VerifyDecoderWithPast(InferenceSession session, string path, int layers)
    {
        var check = new OnnxSignatureCheck(session, path, "an optimum seq2seq decoder with past (decoder_with_past_model.onnx)");
        check.Input(EncoderAttentionMask, TensorElementType.Int64, 2);
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Output(Logits, TensorElementType.Float, 3);
        var found = CountLayers(check, check.Inputs.Keys, "past_key_values.");
        if (found != layers)
        {
            check.Fail($"it has {found} cached layers but {DecoderFile} has {layers}: the two files come from different exports");
        }

        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var part in CacheParts)
            {
                check.Input(Past(layer, part), TensorElementType.Float, 4);
            }

            check.Output(Present(layer, "decoder.key"), TensorElementType.Float, 4);
            check.Output(Present(layer, "decoder.value"), TensorElementType.Float, 4);
        }

        check.ThrowIfFailed();
    }

    /// <summary>Checks the merged decoder (both steps in one file); returns its number of layers.</summary>
    public static int VerifyMergedDecoder(InferenceSession session, string path)
    {
        var check = new OnnxSignatureCheck(session, path, "an optimum seq2seq merged decoder (decoder_model_merged.onnx)");
        check.Input(EncoderAttentionMask, TensorElementType.Int64, 2);
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Input(EncoderHiddenStates, TensorElementType.Float, 3);
        check.Input(MergedDecoderInputs.UseCacheBranch, TensorElementType.Bool, 1);
        check.Output(Logits, TensorElementType.Float, 3);
        var layers = CountLayers(check, check.Outputs.Keys, "present.");
        var cached = CountLayers(check, check.Inputs.Keys, "past_key_values.");
        if (cached != layers)
        {
            check.Fail($"it takes a cache of {cached} layers but outputs one of {layers}");
        }

        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var part in CacheParts)
            {
                check.Input(Past(layer, part), TensorElementType.Float, 4);
                check.Output(Present(layer, part), TensorElementType.Float, 4);
            }
        }

        check.ThrowIfFailed();
        return layers;
    }

    private static int CountLayers(OnnxSignatureCheck check, IEnumerable<string> names, string prefix)
    {
        var layers = names.Count(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".decoder.key", StringComparison.Ordinal));
        if (layers == 0)
        {
            check.Fail($"it has no '{prefix}{{i}}.decoder.key' tensors, so no cache (export with --task text2text-generation-with-past)");
        }

        return layers;
    }
}
