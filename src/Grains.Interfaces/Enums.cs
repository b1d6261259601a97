namespace SpeechCluster.Grains.Interfaces;

/// <summary>The spoken-translation formats of the <c>format</c> query parameter.</summary>
[GenerateSerializer]
public enum SpeechAudioFormat
{
    /// <summary><c>audio/wav</c> (as the service spoke it from 2018 on) and <c>audio/wav24kHz</c>.</summary>
    Wav24kHz = 0,

    /// <summary><c>audio/wav16kHz</c>.</summary>
    Wav16kHz = 1,

    /// <summary><c>audio/mp3</c>.</summary>
    Mp3 = 2,
}

/// <summary>PROTOCOL.md §3 <c>ProfanityAction</c>.</summary>
[GenerateSerializer]
public enum ProfanityAction
{
    NoAction = 0,
    Marked = 1,
    Deleted = 2,
}

/// <summary>PROTOCOL.md §3 <c>ProfanityMarker</c>.</summary>
[GenerateSerializer]
public enum ProfanityMarker
{
    Asterisk = 0,
    Tag = 1,
}

/// <summary>What to do with fillers, repetitions and restarts (the <c>disfluency</c> extension).</summary>
[GenerateSerializer]
public enum DisfluencyMode
{
    /// <summary>Leave them out (the default).</summary>
    Removed = 0,

    /// <summary>Keep every recognized word.</summary>
    Raw = 1,

    /// <summary>Keep them, each inside <c>&lt;disfluency&gt;…&lt;/disfluency&gt;</c>.</summary>
    Labeled = 2,
}
