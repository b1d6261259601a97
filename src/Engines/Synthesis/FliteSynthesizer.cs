using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// flite's US English voices (Slt, Rms, Awb, Kal), 16-bit mono at 16 kHz. Create it with
/// <see cref="TryCreate"/>, which returns <c>null</c> on a machine without libflite. Thread-safe:
/// calls are serialized process-wide. Disposing does nothing to the library or its voices, which
/// live as long as the process.
/// </summary>
public sealed partial class FliteSynthesizer : ISpeechSynthesizer
{
    private readonly FrozenDictionary<string, (FliteVoiceDefinition Definition, nint Voice)> _voices;

    private FliteSynthesizer(IReadOnlyList<(FliteVoiceDefinition Definition, nint Voice)> voices)
    {
        _voices = voices.ToFrozenDictionary(v => v.Definition.Info.Id, StringComparer.OrdinalIgnoreCase);
        Voices = [.. voices.Select(v => v.Definition.Info)];
    }

    /// <inheritdoc />
    /// <remarks>Slt (female, US) first: it is the default English voice.</remarks>
    public IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>
    /// Loads libflite and every voice library found; returns <c>null</c> (and logs why) when libflite
    /// or all its voices are missing. A missing voice library only drops that voice.
    /// </summary>
    public static FliteSynthesizer? TryCreate(ILogger<FliteSynthesizer> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            FliteEngine.Initialize();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            Log.Unavailable(logger, ex);
            return null;
        }

        var voices = new List<(FliteVoiceDefinition, nint)>();
        foreach (var definition in FliteVoiceDefinition.Known)
        {
            var voice = FliteEngine.LoadVoice(definition);
            if (voice == 0)
            {
                Log.VoiceMissing(logger, definition.Info.Id, definition.Library);
                continue;
            }

            voices.Add((definition, voice));
        }

        Log.Loaded(logger, voices.Count);
        return voices.Count == 0 ? null : new FliteSynthesizer(voices);
    }

    /// <inheritdoc />
    /// <exception cref="VoiceNotFoundException">No voice has this id (compared ignoring case).</exception>
    /// <exception cref="SpeechSynthesisException">flite produced no audio.</exception>
    public SynthesizedAudio Synthesize(string text, string voiceId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voiceId);
        if (!_voices.TryGetValue(voiceId, out var voice))
        {
            throw new VoiceNotFoundException(voiceId, Voices.Select(v => v.Id));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new SynthesizedAudio([], voice.Definition.SampleRate);
        }

        var (samples, sampleRate) = FliteEngine.Synthesize(voice.Voice, text);
        return new SynthesizedAudio(samples, sampleRate);
    }

    public void Dispose()
    {
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "FliteLoaded", Level = LogLevel.Information,
            Message = "flite: {VoiceCount} voices")]
        public static partial void Loaded(ILogger logger, int voiceCount);

        [LoggerMessage(EventId = 2, EventName = "FliteVoiceMissing", Level = LogLevel.Warning,
            Message = "flite voice {VoiceId} is not offered: {Library} or its register function is missing")]
        public static partial void VoiceMissing(ILogger logger, string voiceId, string library);

        [LoggerMessage(EventId = 3, EventName = "FliteUnavailable", Level = LogLevel.Warning,
            Message = "flite is not available; its voices are not offered")]
        public static partial void Unavailable(ILogger logger, Exception exception);
    }
}
