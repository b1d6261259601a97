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

    private static readonly (string Name, TensorElementType Type, int[] Ranks)[] Inputs =
    [
        (Input, TensorElementType.Int64, [2]),
        (InputLengths, TensorElementType.Int64, [1]),
        (Scales, TensorElementType.Float, [1]),
    ];

    /// <summary>Verifies the session; returns whether it takes a speaker id (<c>sid</c>).</summary>
    /// <exception cref="InvalidDataException">The model is not a Piper voice; the message names <paramref name="path"/>.</exception>
    public static bool Verify(InferenceSession session, string path)
    {
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;
        var problems = new List<string>();
        foreach (var (name, type, ranks) in Inputs)
        {
            Check(inputs, "input", name, type, ranks, problems);
        }

        var hasSpeaker = inputs.ContainsKey(SpeakerId);
        if (hasSpeaker)
        {
            Check(inputs, "input", SpeakerId, TensorElementType.Int64, [1], problems);
        }

        Check(outputs, "output", Output, TensorElementType.Float, [4, 3], problems);
        if (inputs.TryGetValue(Scales, out var scales) && scales.Dimensions is [var count] && count > 0 && count != 3)
        {
            problems.Add($"input '{Scales}' must hold 3 values (noise_scale, length_scale, noise_w), not {count}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"{path} is not a Piper (VITS) voice: {string.Join("; ", problems)}. It has inputs " +
                $"[{Describe(inputs)}] and outputs [{Describe(outputs)}].");
        }

        return hasSpeaker;
    }

    private static void Check(IReadOnlyDictionary<string, NodeMetadata> nodes, string kind, string name, TensorElementType type, int[] ranks, List<string> problems)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            problems.Add($"it lacks the {kind} '{name}'");
        }
        else if (!node.IsTensor || node.ElementDataType != type)
        {
            problems.Add($"{kind} '{name}' must be {type}, not {node.ElementDataType}");
        }
        else if (Array.IndexOf(ranks, node.Dimensions.Length) < 0)
        {
            problems.Add($"{kind} '{name}' must have rank {string.Join(" or ", ranks)}, not {node.Dimensions.Length}");
        }
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Key} {(n.Value.IsTensor ? n.Value.ElementDataType : n.Value.OnnxValueType)}[{string.Join(", ", n.Value.Dimensions)}]"));
}
