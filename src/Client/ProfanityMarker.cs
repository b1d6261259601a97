namespace SpeechCluster.Client;

/// <summary>How marked profanities look (the <c>ProfanityMarker</c> query parameter).</summary>
public enum ProfanityMarker
{
    /// <summary>Replaced by <c>***</c> (the server's default).</summary>
    Asterisk,

    /// <summary>Wrapped as <c>&lt;profanity&gt;word&lt;/profanity&gt;</c>.</summary>
    Tag,
}
