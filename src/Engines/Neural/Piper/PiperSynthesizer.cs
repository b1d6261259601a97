using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Neural.Piper;

/// <summary>
/// Piper voices behind <see cref="ISpeechSynthesizer"/>: each voice speaks 16-bit mono at its own rate
/// (16,000 or 22,050 Hz for Piper's releases; the encoders resample to the client's rate). Thread-safe;
/// owns its voices and disposes them.
/// </summary>
public sealed partial class PiperSynthesizer : ISpeechSynthesizer
{
    private readonly IReadOnlyList<PiperVoice> _owned;
    private readonly FrozenDictionary<string, PiperVoice> _voices;

    /// <param name="voices">Best first within a language. When two share an id, the first is kept.</param>
    public PiperSynthesizer(IEnumerable<PiperVoice> voices)
    {
        ArgumentNullException.ThrowIfNull(voices);
        _owned = [.. voices];
        var byId = new Dictionary<string, PiperVoice>(StringComparer.OrdinalIgnoreCase);
        foreach (var voice in _owned)
        {
            byId.TryAdd(voice.Info.Id, voice);
        }

        _voices = byId.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Voices = [.. _owned.Where(v => byId[v.Info.Id] == v).Select(v => v.Info)];
    }

    /// <inheritdoc />
    public IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>Loads one voice from each directory (see <see cref="PiperVoice.Load"/>), in order.</summary>
    /// <exception cref="DllNotFoundException">libespeak-ng, which phonemizes for Piper, is not installed.</exception>
    public static PiperSynthesizer Load(
        IEnumerable<string> voiceDirectories,
        OnnxSessionFactory sessions,
        ILogger<PiperSynthesizer> logger,
        EspeakOptions? espeakOptions = null,
        int maxConcurrencyPerVoice = 1)
    {
        ArgumentNullException.ThrowIfNull(voiceDirectories);
        ArgumentNullException.ThrowIfNull(logger);
        var phonemizer = EspeakPhonemizer.Create(espeakOptions);
        var voices = new List<PiperVoice>();
        try
        {
            foreach (var directory in voiceDirectories)
            {
                var voice = PiperVoice.Load(directory, sessions, phonemizer, maxConcurrencyPerVoice);
                voices.Add(voice);
                Log.VoiceLoaded(logger, voice.Info.Id, voice.ModelPath, voice.SampleRate, voice.Config.NumSpeakers);
            }
        }
        catch
        {
            voices.ForEach(v => v.Dispose());
            throw;
        }

        return new PiperSynthesizer(voices);
    }

    /// <inheritdoc />
    /// <exception cref="VoiceNotFoundException">No voice has this id (compared ignoring case).</exception>
    public SynthesizedAudio Synthesize(string text, string voiceId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voiceId);
        if (!_voices.TryGetValue(voiceId, out var voice))
        {
            throw new VoiceNotFoundException(voiceId, Voices.Select(v => v.Id));
        }

        return new SynthesizedAudio(string.IsNullOrWhiteSpace(text) ? [] : voice.Speak(text), voice.SampleRate);
    }

    public void Dispose()
    {
        foreach (var voice in _owned)
        {
            voice.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "PiperVoiceLoaded", Level = LogLevel.Information,
            Message = "Piper voice {VoiceId} from {ModelPath}: {SampleRate} Hz, {Speakers} speaker(s)")]
        public static partial void VoiceLoaded(ILogger logger, string voiceId, string modelPath, int sampleRate, int speakers);
    }
}
