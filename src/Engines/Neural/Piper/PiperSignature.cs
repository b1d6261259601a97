using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SpeechCluster.Engines.Neural.Piper;

/// <summary>
/// Checks that a loaded model is a Piper VITS voice, so a wrong file fails at load with a message
/// naming it rather than at the first sentence.
/// </summary>
/// <remarks>
/// Taken from Piper's exporter, rhasspy/piper <c>src/python/piper_train/export_onnx.py</c> (the export
/// behind the rhasspy/piper-voices releases): inputs <c>input</c> int64 [batch, phonemes] (phoneme ids),
/// <c>input_lengths</c> int64 [batch], <c>scales</c> float [3] (noise_scale, length_scale, noise_w), and
/// <c>sid</c> int64 [1] only in multi-speaker voices; output <c>output</c> float [batch, 1, 1, time]:
/// the exporter unsqueezes VITS' [batch, 1, time] once more (rhasspy/piper issue #18 asks why; it
/// stayed for compatibility). Piper's own C++ reads the sample count from the last axis, so a rank-3
/// output is accepted too.
/// </remarks>
internal static class PiperSignature
{
    public const string Input = "input";
    public const string InputLengths = "input_lengths";
    public const string Scales = "scales";
    public const string SpeakerId = "sid";
    public const string Output = "output";

    /// <summary>Verifies the session; returns whether it takes a speaker id (<c>sid</c>).</summary>
    /// <exception cref="InvalidDataException">The model is not a Piper voice; the message names <paramref name="path"/>.</exception>
    public static bool Verify(InferenceSession session, string path)
    {
        var check = new OnnxSignatureCheck(session, path, "a Piper (VITS) voice")
            .Input(Input, TensorElementType.Int64, 2)
            .Input(InputLengths, TensorElementType.Int64, 1)
            .Input(Scales, TensorElementType.Float, 1)
            .Output(Output, TensorElementType.Float, 4, 3);
        var hasSpeaker = check.Inputs.ContainsKey(SpeakerId);
        if (hasSpeaker)
        {
            check.Input(SpeakerId, TensorElementType.Int64, 1);
        }

        if (check.Inputs.TryGetValue(Scales, out var scales) && scales.Dimensions is [var count] && count > 0 && count != 3)
        {
            check.Fail($"input '{Scales}' must hold 3 values (noise_scale, length_scale, noise_w), not {count}");
        }

        check.ThrowIfFailed();
        return hasSpeaker;
    }
}
