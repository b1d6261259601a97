using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// All voices of several synthesizers behind one <see cref="ISpeechSynthesizer"/>: resolves voice ids
/// ignoring case and picks each language's default voice. Synthesizers are given best first; the
/// default voice of a language is the first voice for it of the first synthesizer that speaks it
/// (with <see cref="CreateAvailable"/>: flite's Slt for English, espeak-ng for the rest).
/// Thread-safe as its synthesizers are. Owns them (Dispose disposes them), except those it was
/// lent (<see cref="CreateAvailable"/>'s <c>preferred</c>).
/// </summary>
public sealed class CompositeSynthesizer : ISpeechSynthesizer
{
    private readonly IReadOnlyList<ISpeechSynthesizer> _synthesizers;
    private readonly HashSet<ISpeechSynthesizer> _lent;
    private readonly FrozenDictionary<string, (VoiceInfo Voice, ISpeechSynthesizer Owner)> _byId;
    private readonly FrozenDictionary<string, VoiceInfo> _defaults;

    /// <param name="synthesizers">Best first. When two offer one id, the earlier one's voice is kept.</param>
    /// <param name="lent">Those of <paramref name="synthesizers"/> that someone else owns and disposes.</param>
    public CompositeSynthesizer(IEnumerable<ISpeechSynthesizer> synthesizers, IEnumerable<ISpeechSynthesizer>? lent = null)
    {
        ArgumentNullException.ThrowIfNull(synthesizers);
        _synthesizers = [.. synthesizers];
        _lent = [.. lent ?? []];
        var byId = new Dictionary<string, (VoiceInfo, ISpeechSynthesizer)>(StringComparer.OrdinalIgnoreCase);
        var defaults = new Dictionary<string, VoiceInfo>(StringComparer.OrdinalIgnoreCase);
        var voices = new List<VoiceInfo>();
        foreach (var synthesizer in _synthesizers)
        {
            foreach (var voice in synthesizer.Voices.Where(v => byId.TryAdd(v.Id, (v, synthesizer))))
            {
                voices.Add(voice);
                defaults.TryAdd(voice.Language, voice);
            }
        }

        _byId = byId.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _defaults = defaults.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Voices = voices;
    }

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>
    /// Every synthesizer this machine can run, best first: <paramref name="preferred"/> (neural voices,
    /// lent: not disposed here), flite (English), then espeak-ng (every language). Engines that are
    /// not installed are left out (logged), so this never fails for that.
    /// </summary>
    public static CompositeSynthesizer CreateAvailable(
        ILoggerFactory loggerFactory, EspeakOptions? espeakOptions = null, IReadOnlyList<ISpeechSynthesizer>? preferred = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var synthesizers = new List<ISpeechSynthesizer>(preferred ?? []);
        if (FliteSynthesizer.TryCreate(loggerFactory.CreateLogger<FliteSynthesizer>()) is { } flite)
        {
            synthesizers.Add(flite);
        }

        if (EspeakSynthesizer.TryCreate(loggerFactory.CreateLogger<EspeakSynthesizer>(), espeakOptions) is { } espeak)
        {
            synthesizers.Add(espeak);
        }

        return new CompositeSynthesizer(synthesizers, lent: preferred);
    }

    /// <summary>The voice with this id (ignoring case), or <c>null</c>.</summary>
    public VoiceInfo? FindVoice(string voiceId) =>
        _byId.TryGetValue(voiceId, out var entry) ? entry.Voice : null;

    /// <summary>
    /// The default voice for a language (<c>es</c>; a locale such as <c>es-MX</c> counts as its
    /// language), or <c>null</c> when no voice speaks it.
    /// </summary>
    public VoiceInfo? DefaultVoice(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return _defaults.GetValueOrDefault(dash > 0 ? language[..dash] : language);
    }

    /// <inheritdoc />
    /// <exception cref="VoiceNotFoundException">No synthesizer offers <paramref name="voiceId"/>.</exception>
    public SynthesizedAudio Synthesize(string text, string voiceId)
    {
        ArgumentNullException.ThrowIfNull(voiceId);
        if (!_byId.TryGetValue(voiceId, out var entry))
        {
            throw new VoiceNotFoundException(voiceId, Voices.Select(v => v.Id));
        }

        return entry.Owner.Synthesize(text, entry.Voice.Id);
    }

    public void Dispose()
    {
        foreach (var synthesizer in _synthesizers.Where(s => !_lent.Contains(s)))
        {
            synthesizer.Dispose();
        }
    }
}
