namespace SpeechCluster.Engines.Vad;

/// <summary>Settings of <see cref="SileroVadModel"/>.</summary>
public sealed class SileroVadOptions
{
    /// <summary>
    /// The Silero VAD v5 ONNX file (scripts/setup.sh fetches it). A relative path is resolved against
    /// the current directory. Default: <c>models/silero/silero_vad.onnx</c>.
    /// </summary>
    public string ModelPath { get; set; } = Path.Combine("models", "silero", "silero_vad.onnx");

    /// <summary>
    /// Threads ONNX Runtime may use inside one call. Default: 1, because one frame costs well under
    /// a millisecond; throughput comes from scoring many conversations in parallel.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;
}
