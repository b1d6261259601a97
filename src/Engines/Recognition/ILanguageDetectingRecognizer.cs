namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// A recognizer of one locale whose model serves several and can tell which of them is spoken (a
/// multilingual Whisper model). Recognizers of one model (the same <see cref="ISpeechRecognizer.Model"/>)
/// combine into one that detects among their locales, utterance by utterance.
/// </summary>
public interface ILanguageDetectingRecognizer : ISpeechRecognizer
{
    /// <summary>Whether the model can detect: false for one that knows a single language (Whisper's <c>.en</c> models).</summary>
    bool CanDetect { get; }

    /// <summary>
    /// A recognizer whose streams detect which of <paramref name="locales"/> each utterance is in and
    /// recognize it in that language, reporting the locale (<see cref="IRecognitionStream.Language"/>,
    /// <see cref="RecognitionResult.Language"/>). Thread-safe and cheap; it shares this one's model.
    /// </summary>
    /// <exception cref="NotSupportedException">The model cannot detect, or does not serve one of the locales.</exception>
    ISpeechRecognizer DetectingAmong(IReadOnlyList<string> locales);
}
