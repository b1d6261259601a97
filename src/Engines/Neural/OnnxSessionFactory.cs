using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural;

/// <summary>
/// Opens ONNX Runtime sessions on the execution provider chosen once per process: CUDA when it is
/// asked for or available, the CPU otherwise. Thread-safe.
/// </summary>
/// <remarks>
/// CUDA is detected by trying: <c>GetAvailableProviders()</c> lists it even on machines without a
/// GPU, while appending the provider fails cleanly there (the CPU build throws because the provider
/// is not compiled in; the GPU build throws when no CUDA runtime or device is found).
/// </remarks>
public sealed partial class OnnxSessionFactory
{
    private readonly int _intraOpThreads;
    private readonly long _gpuArenaBytes;
    private readonly CudaArenaExtension _arenaExtension;

    /// <param name="gpuArenaBytes">The most GPU memory each session's CUDA arena may take (0: no limit).</param>
    /// <param name="arenaExtension">How each session's CUDA arena grows.</param>
    public OnnxSessionFactory(OnnxDevice device, ILogger<OnnxSessionFactory> logger, int intraOpThreads = 1, long gpuArenaBytes = 0,
        CudaArenaExtension arenaExtension = CudaArenaExtension.SameAsRequested)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gpuArenaBytes);
        _intraOpThreads = intraOpThreads;
        _gpuArenaBytes = gpuArenaBytes;
        _arenaExtension = arenaExtension;
        if (device == OnnxDevice.Cpu)
        {
            UsesCuda = false;
            Reason = "the setting asks for the CPU";
        }
        else if (TryCuda(out var failure))
        {
            UsesCuda = true;
            Reason = device == OnnxDevice.Cuda ? "the setting asks for CUDA" : "a CUDA device answered";
        }
        else if (device == OnnxDevice.Cuda)
        {
            throw new InvalidOperationException("The neural engines are set to run on CUDA, but CUDA is not available: " + failure);
        }
        else
        {
            UsesCuda = false;
            Reason = "CUDA is not available (" + failure + ")";
        }

        LogChoice(logger, Provider, Reason);
    }

    public bool UsesCuda { get; }

    /// <summary><c>CUDA</c> or <c>CPU</c>.</summary>
    public string Provider => UsesCuda ? "CUDA" : "CPU";

    /// <summary>Why <see cref="Provider"/> was chosen, for the log and <c>/readyz</c>-style reports.</summary>
    public string Reason { get; }

    /// <summary>Opens the model at <paramref name="path"/>. The caller owns the session.</summary>
    public InferenceSession Open(string path)
    {
        using var options = CreateOptions();
        return new InferenceSession(path, options);
    }

    /// <summary>Opens a model held in memory (tests build small ones).</summary>
    public InferenceSession Open(byte[] model)
    {
        using var options = CreateOptions();
        return new InferenceSession(model, options);
    }

    private SessionOptions CreateOptions()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = _intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (UsesCuda)
        {
            using var cuda = new OrtCUDAProviderOptions();
            var settings = new Dictionary<string, string>
            {
                ["device_id"] = "0",
                ["arena_extend_strategy"] = _arenaExtension == CudaArenaExtension.SameAsRequested ? "kSameAsRequested" : "kNextPowerOfTwo",
            };
            if (_gpuArenaBytes > 0)
            {
                settings["gpu_mem_limit"] = _gpuArenaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            cuda.UpdateOptions(settings);
            options.AppendExecutionProvider_CUDA(cuda);
        }

        return options;
    }

    private static bool TryCuda(out string failure)
    {
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            failure = "";
            return true;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            failure = e.Message.Split('\n')[0];
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Neural engines run on {Provider}: {Reason}")]
    private static partial void LogChoice(ILogger logger, string provider, string reason);
}
