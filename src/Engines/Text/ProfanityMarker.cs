namespace SpeechCluster.Engines.Text;

/// <summary>
/// PROTOCOL.md §3 <c>ProfanityMarker</c>, with the same names and values as
/// <c>SpeechCluster.Grains.Interfaces.ProfanityMarker</c> (cast between them).
/// </summary>
public enum ProfanityMarker
{
    /// <summary>The profane word (or listed phrase) becomes <c>***</c>.</summary>
    Asterisk = 0,

    /// <summary>It stays, wrapped: <c>&lt;profanity&gt;word&lt;/profanity&gt;</c>.</summary>
    Tag = 1,
}
