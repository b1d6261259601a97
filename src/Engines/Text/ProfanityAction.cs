namespace SpeechCluster.Engines.Text;

/// <summary>
/// PROTOCOL.md §3 <c>ProfanityAction</c>, with the same names and values as
/// <c>SpeechCluster.Grains.Interfaces.ProfanityAction</c> (cast between them).
/// </summary>
public enum ProfanityAction
{
    /// <summary>Leave profanities as they are.</summary>
    NoAction = 0,

    /// <summary>Mark them with the <see cref="ProfanityMarker"/> (the protocol's default).</summary>
    Marked = 1,

    /// <summary>Remove them.</summary>
    Deleted = 2,
}
