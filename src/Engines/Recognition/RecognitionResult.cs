namespace SpeechCluster.Engines.Recognition;

/// <summary>The final text of an utterance, as the recognizer wrote it (no casing or punctuation added).</summary>
/// <param name="Words">Words with their offsets from the start of the utterance audio.</param>
public sealed record RecognitionResult(string Text, IReadOnlyList<RecognizedWord> Words)
{
    /// <summary>
    /// The locale detected as spoken, for a recognizer that detects among several
    /// (<see cref="ILanguageDetectingRecognizer.DetectingAmong"/>); null for a recognizer of one locale.
    /// </summary>
    public string? Language { get; init; }

    public static RecognitionResult Empty { get; } = new(string.Empty, []);
}

/// <summary>One recognized word and where it lies in the utterance audio.</summary>
public sealed record RecognizedWord(string Word, TimeSpan Offset, TimeSpan Duration);
