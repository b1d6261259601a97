using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SpeechCluster.Engines.Neural;
using SpeechCluster.TestSupport.Onnx;
using static Onnx.TensorProto.Types;

namespace SpeechCluster.Engines.Tests.Neural;

public sealed class OnnxSessionFactoryTests
{
    private static byte[] Doubler()
    {
        var graph = new OnnxGraphBuilder("doubler").Input("x", DataType.Float, "n").Output("y", DataType.Float, "n");
        graph.Node("Add", ["x", "x"], ["y"]);
        return graph.ToBytes();
    }

    [Fact]
    public void Cpu_setting_runs_a_model_on_the_cpu()
    {
        var factory = new OnnxSessionFactory(OnnxDevice.Cpu, NullLogger<OnnxSessionFactory>.Instance);

        using var session = factory.Open(Doubler());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(new float[] { 1, 2.5f }, [2]))]);

        Assert.Equal("CPU", factory.Provider);
        Assert.Equal([2f, 5f], results.First().AsTensor<float>().ToArray());
    }

    [Fact]
    public void Auto_falls_back_to_the_cpu_where_cuda_cannot_start_and_says_why()
    {
        // The CPU build has no CUDA provider, so this machine can only fall back; on a GPU build
        // with a device, Auto takes CUDA and the model still runs.
        var factory = new OnnxSessionFactory(OnnxDevice.Auto, NullLogger<OnnxSessionFactory>.Instance);

        using var session = factory.Open(Doubler());

        Assert.False(string.IsNullOrWhiteSpace(factory.Reason));
        if (!factory.UsesCuda)
        {
            Assert.Equal("CPU", factory.Provider);
            Assert.StartsWith("CUDA is not available", factory.Reason);
        }
    }

    [Fact]
    public void Cuda_setting_without_cuda_stops_with_a_clear_message()
    {
        var probe = new OnnxSessionFactory(OnnxDevice.Auto, NullLogger<OnnxSessionFactory>.Instance);
        if (probe.UsesCuda)
        {
            return; // a machine with a GPU: nothing to refuse
        }

        var error = Assert.Throws<InvalidOperationException>(() => new OnnxSessionFactory(OnnxDevice.Cuda, NullLogger<OnnxSessionFactory>.Instance));
        Assert.Contains("CUDA is not available", error.Message);
    }
}
