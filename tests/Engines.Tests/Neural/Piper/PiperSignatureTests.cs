using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Neural;
using SpeechCluster.Engines.Neural.Piper;
using SpeechCluster.TestSupport.ContractModels;
using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.Engines.Tests.Neural.Piper;

public sealed class PiperSignatureTests : IDisposable
{
    private readonly PiperVoiceDirectory _directory = new();
    private readonly OnnxSessionFactory _sessions = new(OnnxDevice.Cpu, NullLogger<OnnxSessionFactory>.Instance);

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, true)]
    public void Contract_model_has_the_signature_of_piper_export(int speakers, bool takesSpeaker)
    {
        var path = PiperContractModel.Write(_directory.Sub($"voice{speakers}"), speakers: speakers);
        using var session = _sessions.Open(path);

        Assert.Equal(takesSpeaker, PiperSignature.Verify(session, path));
    }

    [Fact]
    public void A_model_that_is_not_a_piper_voice_is_refused_naming_the_file()
    {
        var path = PiperContractModel.Write(_directory.Sub("wrong"));
        var graph = new OnnxGraphBuilder("not_piper")
            .Input("input", DataType.Float, 1, "phonemes")
            .Input("input_lengths", DataType.Int64, 1)
            .Output("output", DataType.Float, 1, "phonemes");
        graph.Node("Identity", ["input"], ["output"]);
        graph.Save(path);
        using var session = _sessions.Open(path);

        var error = Assert.Throws<InvalidDataException>(() => PiperSignature.Verify(session, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("'input' must be Int64", error.Message);
        Assert.Contains("lacks the input 'scales'", error.Message);
        Assert.Contains("'output' must have rank 4 or 3", error.Message);
    }
}
