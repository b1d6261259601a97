namespace SpeechCluster.Engines.Vad;

/// <summary>
/// An utterance boundary found by <see cref="Endpointer"/>. Positions count 16 kHz samples from the
/// start of the stream; ranges are half-open, so the utterance's audio is
/// [<see cref="StartSample"/>, <see cref="EndSample"/>).
/// </summary>
/// <param name="Kind">Started or Ended.</param>
/// <param name="StartSample">First sample of the utterance's audio, pre-padding included; clamped to the
/// stream start and to the end of the previous utterance, so utterances never overlap.</param>
/// <param name="SpeechStartSample">Start of the first frame judged to be speech.</param>
/// <param name="EndSample">Ended only (else -1): one past the last sample of the utterance's audio,
/// <see cref="SpeechEndSample"/> plus post-padding, never beyond <see cref="DecisionSample"/>.</param>
/// <param name="SpeechEndSample">Ended only (else -1): where the last speech frame ended.</param>
/// <param name="DecisionSample">Stream position when the decision was taken: the end of the frame
/// that triggered it, or the position at <see cref="Endpointer.ForceEnd"/>. Audio up to here has been
/// seen, so a Started event's audio since <see cref="StartSample"/> is already available.</param>
/// <param name="Reason">Ended only (else <see cref="UtteranceEndReason.None"/>): why it ended.</param>
public readonly record struct EndpointEvent(
    EndpointEventKind Kind,
    long StartSample,
    long SpeechStartSample,
    long EndSample,
    long SpeechEndSample,
    long DecisionSample,
    UtteranceEndReason Reason)
{
    internal static EndpointEvent Started(long start, long speechStart, long decision) =>
        new(EndpointEventKind.Started, start, speechStart, -1, -1, decision, UtteranceEndReason.None);

    internal static EndpointEvent Ended(long start, long speechStart, long end, long speechEnd, long decision, UtteranceEndReason reason) =>
        new(EndpointEventKind.Ended, start, speechStart, end, speechEnd, decision, reason);
}
