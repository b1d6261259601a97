namespace SpeechCluster.Engines.Synthesis;

/// <summary>A voice id that no synthesizer offers (compare with the <c>tts</c> scope of <c>/languages</c>).</summary>
public sealed class VoiceNotFoundException : ArgumentException
{
    public VoiceNotFoundException(string voiceId, IEnumerable<string> known)
        : base($"No voice '{voiceId}'. Voices: {Summarize(known)}.", "voiceId")
    {
        VoiceId = voiceId;
    }

    /// <summary>The id that was asked for.</summary>
    public string VoiceId { get; }

    private static string Summarize(IEnumerable<string> known)
    {
        var ids = known.Take(11).ToList();
        return ids.Count == 0 ? "none" : string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? ", ..." : "");
    }
}
