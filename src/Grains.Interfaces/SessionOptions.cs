using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Interfaces;

/// <summary>What a conversation asked for at connect time; fixed for its lifetime.</summary>
[GenerateSerializer, Immutable, Alias("speech.session-options")]
public sealed record class SessionOptions
{
    /// <summary>The recognizer locale, e.g. <c>en-US</c>.</summary>
    [Id(0)] public required string SpeechLocale { get; init; }

    /// <summary>The text language of the speech, e.g. <c>en</c>.</summary>
    [Id(1)] public required string SourceLanguage { get; init; }

    /// <summary>Target languages in the order the client gave them; the first is the v1.0 <c>translation</c>.</summary>
    [Id(2)] public required IReadOnlyList<string> Targets { get; init; }

    [Id(3)] public bool Partials { get; init; }

    [Id(4)] public bool TextToSpeech { get; init; }

    /// <summary>The voice the client asked for, or null for each target's default voice.</summary>
    [Id(5)] public string? Voice { get; init; }

    [Id(6)] public SpeechAudioFormat AudioFormat { get; init; } = SpeechAudioFormat.Wav24kHz;

    /// <summary>Sample rate of the client's PCM (from its WAV header); timing in bytes counts in it.</summary>
    [Id(7)] public int InputSampleRate { get; init; } = 16000;

    [Id(8)] public ProfanityAction ProfanityAction { get; init; } = ProfanityAction.Marked;

    [Id(9)] public ProfanityMarker ProfanityMarker { get; init; } = ProfanityMarker.Asterisk;

    /// <summary>The language <see cref="Voice"/> speaks: the target it is used for.</summary>
    [Id(11)] public string? VoiceLanguage { get; init; }

    [Id(12)] public DisfluencyMode Disfluency { get; init; } = DisfluencyMode.Removed;

    /// <summary>Who owns the conversation (for quotas and metering).</summary>
    [Id(10)] public string Tenant { get; init; } = "";

    /// <summary>
    /// The candidate locales when each utterance's language is detected among them
    /// (<c>from=en-US,es-ES</c>), in the client's order; empty when <c>from</c> named one. With
    /// candidates, <see cref="SpeechLocale"/> and <see cref="SourceLanguage"/> are the first one's,
    /// standing for an utterance whose language was not detected (nothing was decoded).
    /// </summary>
    [Id(13)] public IReadOnlyList<SpeechLocale> Candidates { get; init; } = [];

    /// <summary>Whether the conversation detects the spoken language among <see cref="Candidates"/>.</summary>
    public bool DetectsLanguage => Candidates.Count > 1;

    /// <summary>The locale or candidate set (<see cref="WorkerKeys.CandidateSet"/>) that recognition grains are asked for.</summary>
    public string RecognizerLocale => DetectsLanguage ? WorkerKeys.CandidateSet(Candidates.Select(c => c.Locale)) : SpeechLocale;

    /// <summary>The candidate whose locale is <paramref name="detected"/>; the first (or only) locale when it is null or not a candidate.</summary>
    public SpeechLocale SpokenIn(string? detected) =>
        Candidates.FirstOrDefault(c => c.Locale.Equals(detected, StringComparison.OrdinalIgnoreCase))
        ?? new SpeechLocale(SpeechLocale, SourceLanguage);
}
