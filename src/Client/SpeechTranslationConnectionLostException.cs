namespace SpeechCluster.Client;

/// <summary>An established session ended without a Close frame from the server (the connection dropped), or
/// the server broke the protocol (e.g. a message larger than <see cref="SpeechTranslationOptions.MaxMessageBytes"/>).</summary>
public sealed class SpeechTranslationConnectionLostException : SpeechTranslationException
{
    public SpeechTranslationConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
