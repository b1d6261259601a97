namespace SpeechCluster.Engines.Text;

/// <summary>TrueText: turns raw recognizer output (lower case, no punctuation) into readable text. Thread-safe.</summary>
public interface ITextNormalizer
{
    /// <param name="isFinal">
    /// Partials get only changes that stay stable as words are added (no sentence-final punctuation),
    /// so that captions do not flicker.
    /// </param>
    string Normalize(string text, string language, bool isFinal);
}
