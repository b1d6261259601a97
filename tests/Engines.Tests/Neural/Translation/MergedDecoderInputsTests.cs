using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SpeechCluster.Engines.Neural;
using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

/// <summary>The merged decoder's first-step dummies when an export leaves the cache's heads and head size symbolic.</summary>
public sealed class MergedDecoderInputsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "merged-inputs-" + Guid.NewGuid().ToString("N"));

    public MergedDecoderInputsTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Symbolic_heads_and_head_size_come_from_config_json()
    {
        using var session = SymbolicCacheSession();
        var config = Path.Combine(_directory, "config.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { decoder_attention_heads = 3, d_model = 12 }));
        var names = new List<string>();
        var values = new List<OrtValue>();

        MergedDecoderInputs.For(session, "decoder_model_merged.onnx", config).AddFirstStepInputs(names, values, rows: 2);

        try
        {
            Assert.Equal(["use_cache_branch", "past_key_values.0.decoder.key"], names);
            Assert.Equal([false], values[0].GetTensorDataAsSpan<bool>().ToArray());
            Assert.Equal([2L, 3, 0, 4], values[1].GetTensorTypeAndShape().Shape);
        }
        finally
        {
            values.ForEach(value => value.Dispose());
        }
    }

    [Fact]
    public void Symbolic_heads_without_config_json_fail_at_load_naming_both_files()
    {
        using var session = SymbolicCacheSession();
        var config = Path.Combine(_directory, "config.json");

        var error = Assert.Throws<InvalidDataException>(() => MergedDecoderInputs.For(session, "/m/decoder_model_merged.onnx", config));

        Assert.Contains("/m/decoder_model_merged.onnx", error.Message);
        Assert.Contains(config, error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static InferenceSession SymbolicCacheSession()
    {
        var graph = new OnnxGraphBuilder("symbolic_cache")
            .Input("past_key_values.0.decoder.key", DataType.Float, "batch_size", "heads", "past_length", "head_size")
            .Output("out", DataType.Float, "batch_size", "heads", "past_length", "head_size");
        graph.Node("Identity", ["past_key_values.0.decoder.key"], ["out"]);
        return new InferenceSession(graph.ToBytes());
    }
}
