namespace SpeechCluster.Engines.Vad;

/// <summary>
/// The recurrent state of one audio stream for <see cref="IVoiceActivityModel"/>: the model's hidden
/// state and the tail of the previous frame that the next frame needs as context. Plain arrays so
/// that callers can copy it across process boundaries.
/// </summary>
public sealed class VadStreamState
{
    public const int StateLength = 2 * 128;
    public const int ContextLength = 64;

    public float[] State { get; init; } = new float[StateLength];

    public float[] Context { get; init; } = new float[ContextLength];

    public void Reset()
    {
        Array.Clear(State);
        Array.Clear(Context);
    }
}
