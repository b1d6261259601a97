namespace SpeechCluster.Client;

/// <summary>Base of the errors this library raises about the server or the connection.</summary>
public class SpeechTranslationException : Exception
{
    public SpeechTranslationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
