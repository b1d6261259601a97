using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.TestSupport.ContractModels;

/// <summary>
/// Builds a contract of optimum's merged decoder (<c>decoder_model_merged.onnx</c>) the way optimum
/// builds the real one: one <c>If</c> node on the <c>use_cache_branch</c> input (bool [1]) whose
/// branches are the two split decoders, so the merged contract behaves exactly like the split one.
/// </summary>
public static class MergedDecoderContract
{
    public const string UseCacheBranch = "use_cache_branch";

    /// <param name="firstStep">The decoder without past: its outputs (logits, then every present) are the merged ones.</param>
    /// <param name="withPast">
    /// The decoder with past, with the same outputs in the same order; as in the real graph its
    /// <c>present.*.encoder.*</c> should be empty, so that a decode loop that feeds them back fails.
    /// </param>
    public static OnnxGraphBuilder Build(string name, OnnxGraphBuilder firstStep, OnnxGraphBuilder withPast)
    {
        var merged = new OnnxGraphBuilder(name);
        var declared = new HashSet<string>();
        foreach (var input in firstStep.Inputs.Concat(withPast.Inputs).Where(input => declared.Add(input.Name)))
        {
            merged.Input(input);
        }

        merged.Input(UseCacheBranch, DataType.Bool, 1);
        foreach (var output in firstStep.Outputs)
        {
            merged.Output(output);
        }

        var outputs = firstStep.Outputs.Select(output => output.Name).ToArray();
        if (!outputs.SequenceEqual(withPast.Outputs.Select(output => output.Name)))
        {
            throw new ArgumentException("the two decoders must have the same outputs in the same order", nameof(withPast));
        }

        merged.Node("If", [UseCacheBranch], outputs,
            ("then_branch", withPast.AsBranch("with_past/")), ("else_branch", firstStep.AsBranch("first_step/")));
        return merged;
    }
}
