namespace SpeechCluster.Engines.Text;

/// <summary>What <see cref="TrueText.Process"/> made of a request. Immutable.</summary>
/// <param name="Text">The readable text.</param>
/// <param name="StableLength">
/// How many leading characters of <paramref name="Text"/> stay exactly as they are while the partial
/// grows: every later partial of the same utterance, and its final, begins with
/// <c>Text[..StableLength]</c> (provided the recognizer keeps the words it gave). The rest (the last
/// few words, a number still being spoken, a repetition not yet complete) may change. Equals
/// <c>Text.Length</c> for finals.
/// </param>
public sealed record TrueTextResult(string Text, int StableLength);
