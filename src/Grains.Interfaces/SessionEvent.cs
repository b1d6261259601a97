namespace SpeechCluster.Grains.Interfaces;

/// <summary>Something the session produced for its client, numbered in the order it must be delivered.</summary>
[GenerateSerializer, Immutable, Alias("speech.session-event")]
public abstract record class SessionEvent
{
    /// <summary>1, 2, 3, ... per session; a reader resumes after the last sequence it saw.</summary>
    [Id(0)] public long Sequence { get; init; }
}

/// <summary>A partial or final recognition with its translations.</summary>
[GenerateSerializer, Immutable, Alias("speech.transcript")]
public sealed record class TranscriptEvent : SessionEvent
{
    [Id(0)] public required bool IsFinal { get; init; }

    /// <summary>The utterance number: 0, 1, 2, ... in session order.</summary>
    [Id(1)] public required int UtteranceId { get; init; }

    /// <summary>For partials, the partial's number within its utterance (1, 2, ...); 0 for finals.</summary>
    [Id(2)] public int PartialIndex { get; init; }

    [Id(3)] public required string Recognition { get; init; }

    /// <summary>One translation per target, in <see cref="SessionOptions.Targets"/> order.</summary>
    [Id(4)] public required IReadOnlyList<string> Translations { get; init; }

    [Id(5)] public required AudioSpan Span { get; init; }

    /// <summary>Word timings of finals (empty for partials).</summary>
    [Id(6)] public IReadOnlyList<WordTiming> Words { get; init; } = [];

    /// <summary>
    /// The candidate locale the utterance was detected in, when the conversation detects the spoken
    /// language (<see cref="SessionOptions.Candidates"/>); null when <c>from</c> named one locale.
    /// </summary>
    [Id(7)] public string? Language { get; init; }
}

/// <summary>The spoken translation of one final into one target language: a complete audio file.</summary>
[GenerateSerializer, Immutable, Alias("speech.audio")]
public sealed record class SpeechAudioEvent : SessionEvent
{
    [Id(0)] public required int UtteranceId { get; init; }

    [Id(1)] public required string Language { get; init; }

    [Id(2)] public required byte[] Audio { get; init; }
}

/// <summary>Where an utterance lies in the client's stream (PROTOCOL.md §5.1 timing fields).</summary>
/// <param name="Offset">From the first sample after the WAV header.</param>
/// <param name="StreamPosition">Byte offset in the client's PCM (header excluded).</param>
[GenerateSerializer, Immutable, Alias("speech.audio-span")]
public sealed record class AudioSpan(
    [property: Id(0)] TimeSpan Offset,
    [property: Id(1)] TimeSpan Duration,
    [property: Id(2)] long StreamPosition,
    [property: Id(3)] long SizeBytes);

/// <summary>One recognized word, offset from the start of the stream.</summary>
[GenerateSerializer, Immutable, Alias("speech.word-timing")]
public sealed record class WordTiming(
    [property: Id(0)] string Word,
    [property: Id(1)] TimeSpan Offset,
    [property: Id(2)] TimeSpan Duration);
