using SpeechCluster.Engines.Neural.Batching;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>Settings of one loaded translation model.</summary>
public sealed record NeuralTranslationOptions
{
    public DecodingOptions Decoding { get; init; } = new();

    public RequestBatcherOptions Batching { get; init; } = new();
}
