using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.MicroBench;

/// <summary>The Silero VAD model of the repository (models/silero/), loaded as a silo loads it.</summary>
internal static class VadModels
{
    public static SileroVadModel LoadSilero() => new(
        Options.Create(new SileroVadOptions { ModelPath = Repository.Find(Path.Combine("models", "silero", "silero_vad.onnx")) }),
        NullLogger<SileroVadModel>.Instance);
}
