using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SpeechCluster.Engines.Neural;

/// <summary>
/// Checks a loaded session's inputs and outputs against what a model family's export has, and
/// collects every mismatch, so that one message names the file, lists all that is wrong and shows
/// what the file has instead: a wrong file fails at load, not at the first utterance.
/// </summary>
internal sealed class OnnxSignatureCheck(InferenceSession session, string path, string what)
{
    private readonly List<string> _problems = [];

    public IReadOnlyDictionary<string, NodeMetadata> Inputs => session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> Outputs => session.OutputMetadata;

    /// <param name="ranks">The ranks the export may have (one, or several where exports differ).</param>
    public OnnxSignatureCheck Input(string name, TensorElementType type, params int[] ranks) => Expect("input", Inputs, name, type, ranks);

    public OnnxSignatureCheck Output(string name, TensorElementType type, params int[] ranks) => Expect("output", Outputs, name, type, ranks);

    public void Fail(string problem) => _problems.Add(problem);

    /// <exception cref="InvalidDataException">Something did not match; the message names the file.</exception>
    public void ThrowIfFailed()
    {
        if (_problems.Count > 0)
        {
            throw new InvalidDataException(
                $"{path} is not {what}: {string.Join("; ", _problems)}. It has inputs [{Describe(Inputs)}] and outputs [{Describe(Outputs)}].");
        }
    }

    private OnnxSignatureCheck Expect(string direction, IReadOnlyDictionary<string, NodeMetadata> nodes, string name, TensorElementType type, int[] ranks)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            _problems.Add($"it lacks the {direction} '{name}'");
        }
        else if (!node.IsTensor || node.ElementDataType != type)
        {
            _problems.Add($"{direction} '{name}' must be {type}, not {(node.IsTensor ? node.ElementDataType : node.OnnxValueType)}");
        }
        else if (Array.IndexOf(ranks, node.Dimensions.Length) < 0)
        {
            _problems.Add($"{direction} '{name}' must have rank {string.Join(" or ", ranks)}, not {node.Dimensions.Length}");
        }

        return this;
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Key} {(n.Value.IsTensor ? n.Value.ElementDataType : n.Value.OnnxValueType)}[{string.Join(", ", n.Value.Dimensions)}]"));
}
