namespace SpeechCluster.Client;

/// <summary>
/// The connection dropped and the client is resuming the session (<see cref="SpeechTranslationOptions.AutoReconnect"/>):
/// a moment to show "reconnecting…". Followed by <see cref="Reconnected"/>, or by the end of the events with
/// <see cref="SpeechTranslationConnectionLostException"/> when the session could not be resumed.
/// Meanwhile <see cref="SpeechTranslationClient.SendAudioAsync"/> waits rather than fails.
/// </summary>
/// <param name="Reason">What ended the connection.</param>
/// <param name="ResumeFrom">Id of the last final delivered (-1: none); the server sends what follows it.</param>
public sealed record Reconnecting(string Reason, int ResumeFrom) : TranslationEvent;
