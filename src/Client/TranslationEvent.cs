namespace SpeechCluster.Client;

/// <summary>
/// Something the server sent: a <see cref="TranslationResult"/>, a <see cref="TranslationAudio"/> segment, an
/// <see cref="UnrecognizedMessage"/>, and last of all <see cref="SessionClosed"/>; around a resumed drop,
/// <see cref="Reconnecting"/> and <see cref="Reconnected"/> (the client's own, not the server's). Immutable.
/// </summary>
public abstract record TranslationEvent;
