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
