using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Hosting;

/// <summary>The voices of this silo as the protocol lists them, with each language's default voice.</summary>
public sealed class VoiceDirectory
{
    private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);

    public VoiceDirectory(ISpeechSynthesizer synthesizer)
    {
        // The synthesizer lists each language's preferred voice first (flite's for English).
        var voices = new List<Voice>();
        foreach (var voice in synthesizer.Voices)
        {
            var isDefault = _defaults.TryAdd(voice.Language, voice.Id);
            voices.Add(new Voice(voice.Id, voice.DisplayName, voice.Gender, voice.Locale, voice.Language,
                voice.LanguageName, voice.RegionName, isDefault));
        }

        Voices = voices;
    }

    public IReadOnlyList<Voice> Voices { get; }

    public string? DefaultFor(string language) => _defaults.GetValueOrDefault(language);
}
