namespace SpeechCluster.Grains.Interfaces;

/// <summary>
/// A call reached a session activation that holds no conversation: the silo that held it was
/// lost and this is a fresh activation. The gateway answers by rebuilding the session.
/// </summary>
[GenerateSerializer, Alias("speech.session-not-started")]
public sealed class SessionNotStartedException : Exception
{
    public SessionNotStartedException()
        : base("the session holds no conversation (its silo was lost); start it again")
    {
    }

    public SessionNotStartedException(string message)
        : base(message)
    {
    }

    public SessionNotStartedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
