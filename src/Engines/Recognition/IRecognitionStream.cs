namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// One utterance being recognized. Not thread-safe: one caller at a time. Dispose returns the
/// leased decoder(s) to the pool; a stream that is never finished must still be disposed.
/// </summary>
/// <remarks>
/// How to drive it: pass every chunk of the utterance to <see cref="AcceptAudio"/> as it arrives
/// (100 ms chunks work well), including the trailing silence that the endpointer listens to before
/// it decides that the utterance ended; then call <see cref="Finish"/> once, and dispose. The
/// implementation may do speculative work for the final on a background thread while audio comes
/// in, so that <see cref="Finish"/> is quick; it never needs to be told when a pause begins.
/// </remarks>
public interface IRecognitionStream : IDisposable
{
    /// <summary>Adds 16 kHz mono audio and returns the hypothesis so far ("" when none yet).</summary>
    string AcceptAudio(ReadOnlySpan<short> samples);

    /// <summary>
    /// The locale the hypothesis so far is in, for a stream that detects which of several locales
    /// is spoken (<see cref="ILanguageDetectingRecognizer.DetectingAmong"/>); null for a stream of
    /// one locale, and before anything was decoded.
    /// </summary>
    string? Language => null;

    /// <summary>
    /// Ends the utterance and returns its final result, with word timings relative to the first
    /// sample given to <see cref="AcceptAudio"/>. May be called once.
    /// </summary>
    RecognitionResult Finish();
}
