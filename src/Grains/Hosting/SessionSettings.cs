using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Grains.Hosting;

/// <summary>How sessions cut speech into utterances. Section <c>SpeechCluster:Session</c>.</summary>
public sealed class SessionSettings
{
    public const string Section = "SpeechCluster:Session";

    /// <summary>End-of-utterance silence, maximum utterance length, thresholds and padding.</summary>
    public EndpointerOptions Endpointer { get; set; } = new();

    /// <summary>
    /// How much recent audio a session remembers at least, for the padding before detected speech
    /// (it grows for clients whose messages are longer). Default: 1 s, 32 KB per conversation.
    /// </summary>
    public TimeSpan History { get; set; } = TimeSpan.FromSeconds(1);
}
