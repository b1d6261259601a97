namespace SpeechCluster.Client;

/// <summary>What the server does with profanities (the <c>ProfanityAction</c> query parameter).</summary>
public enum ProfanityAction
{
    /// <summary>Leave them as they are.</summary>
    NoAction,

    /// <summary>Mark them with <see cref="ProfanityMarker"/> (the server's default).</summary>
    Marked,

    /// <summary>Remove them.</summary>
    Deleted,
}
