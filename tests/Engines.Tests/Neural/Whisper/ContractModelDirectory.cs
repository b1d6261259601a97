using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Neural;
using SpeechCluster.Engines.Neural.Batching;
using SpeechCluster.Engines.Neural.Whisper;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

/// <summary>A Whisper contract model written to a temporary directory, deleted on dispose.</summary>
internal sealed class ContractModelDirectory : IDisposable
{
    public static readonly OnnxSessionFactory Sessions = new(OnnxDevice.Cpu, NullLogger<OnnxSessionFactory>.Instance);

    /// <param name="merged">The merged-decoder layout (decoder_model_merged.onnx) instead of the split pair.</param>
    /// <param name="otherTexts">Other languages the model recognises, with their texts.</param>
    public ContractModelDirectory(
        string text, string language = "es", string? loop = null, double tokensPerSecond = 10, bool merged = false, IReadOnlyDictionary<string, string>? otherTexts = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "whisper-contract-" + Guid.NewGuid().ToString("N"));
        WhisperContractModel.Write(Path, text, language, loop, tokensPerSecond, merged, otherTexts);
    }

    public string Path { get; }

    public WhisperModel Load() => WhisperModel.Load(Path, Sessions);

    /// <param name="batching">How the model gathers concurrent decodes into batches.</param>
    public WhisperModel Load(RequestBatcherOptions batching) => WhisperModel.Load(Path, Sessions, batching);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>A 16 kHz sine, as PCM.</summary>
    public static short[] Tone(double seconds, double hz = 440, double amplitude = 0.3) =>
        Enumerable.Range(0, (int)(seconds * 16000))
            .Select(i => (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * hz * i / 16000)))
            .ToArray();
}
