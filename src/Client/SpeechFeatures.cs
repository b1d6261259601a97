namespace SpeechCluster.Client;

/// <summary>The optional outputs a session asks for (the <c>features</c> query parameter).</summary>
[Flags]
public enum SpeechFeatures
{
    /// <summary>Final results only (the protocol's default).</summary>
    None = 0,

    /// <summary>Partial results while the speaker is still talking.</summary>
    Partial = 1,

    /// <summary>The spoken translation of each final, as binary audio messages.</summary>
    TextToSpeech = 2,

    /// <summary>The four timing fields on every result.</summary>
    TimingInfo = 4,

    /// <summary>SpeechCluster extension: a <c>words</c> array with per-word timings on finals.</summary>
    WordTimings = 8,
}
