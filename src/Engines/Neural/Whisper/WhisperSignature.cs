using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Checks that the three sessions of a Whisper model have the inputs and outputs of the split
/// Hugging Face optimum export (as published in the Xenova/whisper-* and onnx-community/whisper-*
/// repositories), so a wrong file fails at load with a message naming it, not at the first utterance.
/// </summary>
/// <remarks>
/// Taken from optimum's <c>optimum-cli export onnx --task automatic-speech-recognition-with-past</c>
/// layout (the non-merged files):
/// <list type="bullet">
/// <item><c>encoder_model.onnx</c>: <c>input_features</c> float [batch, n_mels (80, or 128 for
/// large-v3), 3000] → <c>last_hidden_state</c> float [batch, 1500, d_model].</item>
/// <item><c>decoder_model.onnx</c>: <c>input_ids</c> int64 [batch, seq], <c>encoder_hidden_states</c>
/// float [batch, 1500, d_model] → <c>logits</c> float [batch, seq, vocab],
/// <c>present.{i}.decoder.key|value</c> float [batch, heads, seq, head_dim] and
/// <c>present.{i}.encoder.key|value</c> float [batch, heads, 1500, head_dim].</item>
/// <item><c>decoder_with_past_model.onnx</c>: <c>input_ids</c>, <c>past_key_values.{i}.decoder.key|value</c>,
/// <c>past_key_values.{i}.encoder.key|value</c> → <c>logits</c>, <c>present.{i}.decoder.key|value</c>
/// (optimum stopped writing the constant cross-attention <c>present.{i}.encoder.*</c> here in 2023;
/// older files still have them and they are ignored). Some exports keep an unused
/// <c>encoder_hidden_states</c> input; it is fed when present.</item>
/// </list>
/// Or, instead of the two decoders, optimum's merged <c>decoder_model_merged.onnx</c> (as pinned from
/// onnx-community/whisper-tiny-ONNX): <c>input_ids</c>, <c>encoder_hidden_states</c>, every
/// <c>past_key_values.{i}.decoder|encoder.key|value</c> and <c>use_cache_branch</c> bool [1] →
/// <c>logits</c> and every <c>present.{i}.decoder|encoder.key|value</c> (some exports add outputs such
/// as <c>cross_attentions</c>; outputs are matched by name and extras ignored). On the cached branch
/// its <c>present.{i}.encoder.*</c> are degenerate (empty): the first step's are the ones to keep.
/// The layer count is read from the decoder's <c>present.{i}.decoder.key</c> outputs.
/// </remarks>
public static class WhisperSignature
{
    public const string InputFeatures = "input_features";
    public const string LastHiddenState = "last_hidden_state";
    public const string InputIds = "input_ids";
    public const string EncoderHiddenStates = "encoder_hidden_states";
    public const string Logits = "logits";

    public static string Present(int layer, string part, string kind) => $"present.{layer}.{part}.{kind}";

    public static string Past(int layer, string part, string kind) => $"past_key_values.{layer}.{part}.{kind}";

    /// <summary>Verifies the encoder; returns its number of mel bins (-1 when the export left it symbolic).</summary>
    public static int VerifyEncoder(InferenceSession session, string path)
    {
        var check = new OnnxSignatureCheck(session, path, "a Whisper encoder (encoder_model.onnx)");
        check.Input(InputFeatures, TensorElementType.Float, 3);
        check.Output(LastHiddenState, TensorElementType.Float, 3);
        check.ThrowIfFailed();
        var melBins = session.InputMetadata[InputFeatures].Dimensions[1];
        if (melBins is not (80 or 128 or -1))
        {
            throw new InvalidDataException($"{path}: {InputFeatures} has {melBins} mel bins; Whisper takes 80 or 128.");
        }

        return melBins;
    }

    /// <summary>Verifies the first-step decoder; returns its number of layers.</summary>
    public static int VerifyDecoder(InferenceSession session, string path)
    {
        var layers = 0;
        while (session.OutputMetadata.ContainsKey(Present(layers, "decoder", "key")))
        {
            layers++;
        }

        var check = new OnnxSignatureCheck(session, path, "a Whisper decoder without past (decoder_model.onnx)");
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Input(EncoderHiddenStates, TensorElementType.Float, 3);
        check.Output(Logits, TensorElementType.Float, 3);
        if (layers == 0)
        {
            check.Output(Present(0, "decoder", "key"), TensorElementType.Float, 4);
        }

        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var (part, kind) in CacheParts)
            {
                check.Output(Present(layer, part, kind), TensorElementType.Float, 4);
            }
        }

        check.ThrowIfFailed();
        return layers;
    }

    /// <summary>Verifies the decoder that continues from the cache of a decoder with <paramref name="layers"/> layers.</summary>
    public static void VerifyDecoderWithPast(InferenceSession session, string path, int layers)
    {
        var check = new OnnxSignatureCheck(session, path, $"a Whisper decoder with past for {layers} layers (decoder_with_past_model.onnx)");
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Output(Logits, TensorElementType.Float, 3);
        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var (part, kind) in CacheParts)
            {
                check.Input(Past(layer, part, kind), TensorElementType.Float, 4);
            }

            check.Output(Present(layer, "decoder", "key"), TensorElementType.Float, 4);
            check.Output(Present(layer, "decoder", "value"), TensorElementType.Float, 4);
        }

        if (session.InputMetadata.ContainsKey(Past(layers, "decoder", "key")))
        {
            check.Fail($"it has more layers than decoder_model.onnx ({layers})");
        }

        check.ThrowIfFailed();
    }

    /// <summary>Verifies the merged decoder (both steps in one file); returns its number of layers.</summary>
    public static int VerifyMergedDecoder(InferenceSession session, string path)
    {
        var layers = 0;
        while (session.OutputMetadata.ContainsKey(Present(layers, "decoder", "key")))
        {
            layers++;
        }

        var check = new OnnxSignatureCheck(session, path, "a Whisper merged decoder (decoder_model_merged.onnx)");
        check.Input(InputIds, TensorElementType.Int64, 2);
        check.Input(EncoderHiddenStates, TensorElementType.Float, 3);
        check.Input(MergedDecoderInputs.UseCacheBranch, TensorElementType.Bool, 1);
        check.Output(Logits, TensorElementType.Float, 3);
        for (var layer = 0; layer < Math.Max(layers, 1); layer++)
        {
            foreach (var (part, kind) in CacheParts)
            {
                check.Input(Past(layer, part, kind), TensorElementType.Float, 4);
                check.Output(Present(layer, part, kind), TensorElementType.Float, 4);
            }
        }

        if (session.InputMetadata.ContainsKey(Past(layers, "decoder", "key")))
        {
            check.Fail($"it takes a cache for more layers than it outputs ({layers})");
        }

        check.ThrowIfFailed();
        return layers;
    }

    internal static readonly (string Part, string Kind)[] CacheParts =
        [("decoder", "key"), ("decoder", "value"), ("encoder", "key"), ("encoder", "value")];
}
