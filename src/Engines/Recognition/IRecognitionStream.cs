namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// One utterance being recognized. Not thread-safe: one caller at a time. Dispose returns the
/// leased decoder to its pool; a stream that is never finished must still be disposed.
/// </summary>
public interface IRecognitionStream : IDisposable
{
    /// <summary>Adds 16 kHz mono audio and returns the hypothesis so far ("" when none yet).</summary>
    string AcceptAudio(ReadOnlySpan<short> samples);

    /// <summary>
    /// Ends the utterance and returns its final result. The final may re-decode the whole utterance
    /// (whole-utterance normalisation is markedly more accurate than the live one).
    /// </summary>
    RecognitionResult Finish();
}
