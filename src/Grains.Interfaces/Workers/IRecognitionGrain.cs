namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>
/// Recognizes one utterance, keyed "session/utterance/attempt". Unlike the other workers it holds
/// state for the length of one utterance (a leased decoder, so partials are incremental); the
/// session keeps the audio, so a lost activation is redone under a new attempt key.
/// </summary>
public interface IRecognitionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds 16 kHz audio that follows the first <paramref name="heard"/> samples of the utterance and
    /// returns the hypothesis so far; null when this activation has not heard those samples (its
    /// predecessor was deactivated with its silo, or a call was dropped): recognize again.
    /// </summary>
    /// <param name="locale">The locale, or a candidate set (<see cref="WorkerKeys.CandidateSet"/>) to detect among.</param>
    [ResponseTimeout("00:00:05")]
    Task<RecognitionHypothesis?> AcceptAsync(string locale, long heard, short[] samples);

    /// <summary>
    /// Returns the final recognition of the utterance's first <paramref name="heard"/> samples and
    /// releases everything; null when this activation has not heard exactly those.
    /// </summary>
    [ResponseTimeout("00:00:15")]
    Task<RecognitionOutcome?> FinishAsync(long heard);

    /// <summary>
    /// Drops the utterance and releases everything. It interleaves with a call in progress: queued
    /// behind one that waits for a decoder, it would expire with its caller's timeout and be
    /// dropped unrun, and the activation would then keep the decoder it finally got until it is
    /// collected; on a loaded silo, every decoder of the pool ended up held that way.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task CancelAsync();
}

/// <summary>The final text as recognized (raw) and its words, offsets from the utterance start.</summary>
/// <param name="Language">The candidate locale detected as spoken; null when the recognizer had one locale.</param>
[GenerateSerializer, Immutable, Alias("speech.recognition-outcome")]
public sealed record class RecognitionOutcome(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<WordTiming> Words,
    [property: Id(2)] string? Language = null);

/// <summary>The hypothesis so far ("" for none yet), as recognized (raw).</summary>
/// <param name="Language">The candidate locale detected as spoken; null when the recognizer has one locale, or has not decoded yet.</param>
[GenerateSerializer, Immutable, Alias("speech.recognition-hypothesis")]
public sealed record class RecognitionHypothesis(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Language = null);
