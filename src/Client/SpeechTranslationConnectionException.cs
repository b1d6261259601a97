namespace SpeechCluster.Client;

/// <summary>
/// The server could not be reached: refused, unresolvable, timed out, or not a WebSocket endpoint. The inner
/// exception says why. A session that was established and then dropped raises
/// <see cref="SpeechTranslationConnectionLostException"/> instead.
/// </summary>
public sealed class SpeechTranslationConnectionException : SpeechTranslationException
{
    public SpeechTranslationConnectionException(Uri server, Exception? innerException)
        : base($"Cannot connect to {server}: {innerException?.Message ?? "no answer"}", innerException)
    {
        Server = server;
    }

    public Uri Server { get; }
}
