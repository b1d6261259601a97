namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>Scores frames of one stream for speech. Stateless: the caller owns and passes the model state.</summary>
public interface IVoiceActivityGrain : IGrainWithIntegerKey
{
    [ResponseTimeout("00:00:02")]
    Task<VadResult> ScoreAsync(VadRequest request);
}

/// <summary>Whole frames of 16 kHz audio and the stream's recurrent state before them.</summary>
[GenerateSerializer, Immutable, Alias("speech.vad-request")]
public sealed record class VadRequest(
    [property: Id(0)] short[] Samples,
    [property: Id(1)] VadState State)
{
    /// <summary>Samples per frame: Silero VAD v5 scores 32 ms frames at 16 kHz.</summary>
    public const int FrameSamples = 512;
}

/// <summary>One speech probability per frame, and the state after the last frame.</summary>
[GenerateSerializer, Immutable, Alias("speech.vad-result")]
public sealed record class VadResult(
    [property: Id(0)] float[] Probabilities,
    [property: Id(1)] VadState State);

/// <summary>The recurrent state of a VAD stream (model state and the previous frame's tail).</summary>
[GenerateSerializer, Immutable, Alias("speech.vad-state")]
public sealed record class VadState(
    [property: Id(0)] float[] ModelState,
    [property: Id(1)] float[] Context);
