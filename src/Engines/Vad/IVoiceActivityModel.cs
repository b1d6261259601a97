namespace SpeechCluster.Engines.Vad;

/// <summary>A frame-level speech probability model (Silero VAD v5 by default).</summary>
/// <remarks>
/// Thread-safe: one model serves every conversation of a process; the per-conversation recurrent
/// state lives in <see cref="VadStreamState"/>, which the caller owns and passes in.
/// </remarks>
public interface IVoiceActivityModel
{
    /// <summary>Samples per frame at 16 kHz (512 for Silero v5).</summary>
    int FrameSamples { get; }

    /// <summary>
    /// Scores whole frames of 16 kHz audio scaled to [-1, 1]. <paramref name="samples"/> holds
    /// <c>probabilities.Length * FrameSamples</c> samples; <paramref name="state"/> is updated in place.
    /// </summary>
    void Score(ReadOnlySpan<float> samples, VadStreamState state, Span<float> probabilities);
}
