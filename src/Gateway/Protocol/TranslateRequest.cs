using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Gateway.Protocol;

/// <summary>A validated <c>/speech/translate</c> handshake (PROTOCOL.md §3).</summary>
internal sealed record TranslateRequest
{
    public required string SpeechLocale { get; init; }

    public required string SourceLanguage { get; init; }

    /// <summary>
    /// The candidate locales of <c>from=en-US,es-ES</c> (the detection extension), in the client's
    /// order, or empty when <c>from</c> named one; <see cref="SpeechLocale"/> and
    /// <see cref="SourceLanguage"/> are then the first candidate's.
    /// </summary>
    public IReadOnlyList<SpeechLocale> Candidates { get; init; } = [];

    /// <summary>Whether each utterance's language is detected among <see cref="Candidates"/>.</summary>
    public bool DetectsLanguage => Candidates.Count > 1;

    /// <summary>What <c>from</c> resolved to: <c>en-US</c>, or <c>en-US,es-ES</c> with candidates.</summary>
    public string From => DetectsLanguage ? string.Join(',', Candidates.Select(c => c.Locale)) : SpeechLocale;

    /// <summary>At least one; the first is the v1.0 <c>translation</c> field.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    public bool Partial { get; init; }

    public bool TextToSpeech { get; init; }

    public bool TimingInfo { get; init; }

    public string? Voice { get; init; }

    public string? VoiceLanguage { get; init; }

    public SpeechAudioFormat Format { get; init; } = SpeechAudioFormat.Wav24kHz;

    public ProfanityAction ProfanityAction { get; init; } = ProfanityAction.Marked;

    public ProfanityMarker ProfanityMarker { get; init; } = ProfanityMarker.Asterisk;

    public DisfluencyMode Disfluency { get; init; } = DisfluencyMode.Removed;

    /// <summary>The resume extension: the conversation to continue (its X-ConversationId), or null for a new one.</summary>
    public string? Conversation { get; init; }

    /// <summary>The resume extension: the id of the last final the client received (-1: none).</summary>
    public int? ResumeFrom { get; init; }

    public string? ClientTraceId { get; init; }

    public string? CorrelationId { get; init; }

    public Grains.Interfaces.SessionOptions ToSessionOptions(string tenant, int inputSampleRate) => new()
    {
        Tenant = tenant,
        SpeechLocale = SpeechLocale,
        SourceLanguage = SourceLanguage,
        Candidates = Candidates,
        Targets = Targets,
        Partials = Partial,
        TextToSpeech = TextToSpeech,
        Voice = Voice,
        VoiceLanguage = VoiceLanguage,
        AudioFormat = Format,
        InputSampleRate = inputSampleRate,
        ProfanityAction = ProfanityAction,
        ProfanityMarker = ProfanityMarker,
        Disfluency = Disfluency,
    };
}
