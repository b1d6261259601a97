namespace SpeechCluster.Client;

/// <summary>
/// Something the server sent: a <see cref="TranslationResult"/>, a <see cref="TranslationAudio"/> segment, an
/// <see cref="UnrecognizedMessage"/>, and last of all <see cref="SessionClosed"/>. Immutable.
/// </summary>
public abstract record TranslationEvent;
