namespace SpeechCluster.Engines.Vad;

/// <summary>
/// How <see cref="Endpointer"/> turns frame probabilities into utterances. Durations are rounded
/// to whole 16 kHz samples; decisions happen at frame ends (32 ms apart with Silero).
/// <see cref="EndpointerOptionsValidator"/> states the constraints between them.
/// </summary>
public sealed class EndpointerOptions
{
    /// <summary>A frame at or above this probability starts speech, or resumes it after a pause. Default: 0.5.</summary>
    public float StartThreshold { get; set; } = 0.5f;

    /// <summary>
    /// Once speech has started, a frame at or above this probability keeps it going; below it, the
    /// silence that may end the utterance starts. Lower than <see cref="StartThreshold"/> so that
    /// probabilities wavering around one threshold do not flap. Default: 0.35.
    /// </summary>
    public float ContinueThreshold { get; set; } = 0.35f;

    /// <summary>
    /// Speech must last this long, without dropping below <see cref="ContinueThreshold"/>, before
    /// an utterance opens, so that clicks and coughs do not open one. Default: 200 ms.
    /// </summary>
    public TimeSpan MinSpeechDuration { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Silence after the last speech frame that ends an utterance. Default: 400 ms.</summary>
    public TimeSpan EndSilence { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// An utterance (padding included) this long is ended with <see cref="UtteranceEndReason.MaxLength"/>;
    /// if speech goes on, the next one starts at once. Default: 15 s.
    /// </summary>
    public TimeSpan MaxUtteranceLength { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Audio kept before the first speech frame, since the model notices speech onsets a little late
    /// and a recognizer wants some silence first. Default: 200 ms.
    /// </summary>
    public TimeSpan PrePadding { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Audio kept after the last speech frame. At most <see cref="EndSilence"/>, because the end is
    /// decided that long after the last speech frame. Default: 200 ms.
    /// </summary>
    public TimeSpan PostPadding { get; set; } = TimeSpan.FromMilliseconds(200);
}
