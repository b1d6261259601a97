namespace SpeechCluster.Client;

/// <summary>A text message that is not a JSON object with a string <c>type</c>. Passed on rather than dropped
/// so that a server bug is visible.</summary>
public sealed record UnrecognizedMessage(string Text) : TranslationEvent;
