using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// espeak-ng voices for every language it has (about 130), 16-bit mono at 22,050 Hz. Create it with
/// <see cref="TryCreate"/>: espeak-ng is GPL-3, so it is bound at run time only and a machine without
/// it gets <c>null</c> instead of a failure. Thread-safe: espeak-ng is one synthesizer per process,
/// so all instances share it and calls are serialized (about 1 ms of work per sentence).
/// Disposing does nothing to the library, which lives as long as the process.
/// </summary>
public sealed partial class EspeakSynthesizer : ISpeechSynthesizer
{
    private readonly FrozenDictionary<string, EspeakVoice> _voices;
    private readonly int _sampleRate;

    private EspeakSynthesizer(IReadOnlyList<EspeakVoice> voices, int sampleRate)
    {
        _voices = voices.ToFrozenDictionary(v => v.Info.Id, StringComparer.OrdinalIgnoreCase);
        _sampleRate = sampleRate;
        Voices = [.. voices.Select(v => v.Info)];
    }

    /// <inheritdoc />
    /// <remarks>One voice per locale; within a language, the one espeak prefers comes first.</remarks>
    public IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>
    /// Loads libespeak-ng and lists its voices; returns <c>null</c> (and logs why) when the library or
    /// its data is missing, so a caller offers the other engines' voices only.
    /// </summary>
    public static EspeakSynthesizer? TryCreate(ILogger<EspeakSynthesizer> logger, EspeakOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            var rate = EspeakEngine.Initialize(options?.DataDirectory);
            var voices = EspeakVoiceCatalog.Build(EspeakEngine.ListVoices());
            Log.Loaded(logger, voices.Count, rate);
            return new EspeakSynthesizer(voices, rate);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or SpeechSynthesisException)
        {
            Log.Unavailable(logger, ex);
            return null;
        }
    }

    /// <inheritdoc />
    /// <exception cref="VoiceNotFoundException">No voice has this id (compared ignoring case).</exception>
    /// <exception cref="SpeechSynthesisException">espeak-ng refused the voice or the text.</exception>
    public SynthesizedAudio Synthesize(string text, string voiceId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voiceId);
        if (!_voices.TryGetValue(voiceId, out var voice))
        {
            throw new VoiceNotFoundException(voiceId, Voices.Select(v => v.Id));
        }

        return string.IsNullOrWhiteSpace(text)
            ? new SynthesizedAudio([], _sampleRate)
            : new SynthesizedAudio(EspeakEngine.Synthesize(voice.Identifier, text), _sampleRate);
    }

    public void Dispose()
    {
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "EspeakLoaded", Level = LogLevel.Information,
            Message = "espeak-ng: {VoiceCount} voices at {SampleRate} Hz")]
        public static partial void Loaded(ILogger logger, int voiceCount, int sampleRate);

        [LoggerMessage(EventId = 2, EventName = "EspeakUnavailable", Level = LogLevel.Warning,
            Message = "espeak-ng is not available; its voices are not offered")]
        public static partial void Unavailable(ILogger logger, Exception exception);
    }
}
