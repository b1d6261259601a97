namespace SpeechCluster.Engines.Audio;

/// <summary>What <see cref="WavStreamParser.Feed"/> made of the bytes so far.</summary>
public enum WavFeedStatus
{
    /// <summary>The header is not complete yet; no samples were written.</summary>
    NeedMore,

    /// <summary>The header is complete; every PCM byte so far has been written as samples (maybe none this call).</summary>
    Audio,

    /// <summary>The stream is rejected for good; <see cref="WavFeedResult.Reason"/> says why.</summary>
    Invalid,
}
