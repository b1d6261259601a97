using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Hosting;

/// <summary>The voices of this silo as the protocol lists them, each marked when it is its language's default.</summary>
public sealed class VoiceDirectory(CompositeSynthesizer synthesizer)
{
    public IReadOnlyList<Voice> Voices { get; } = synthesizer.Voices
        .Select(v => new Voice(v.Id, v.DisplayName, v.Gender, v.Locale, v.Language, v.LanguageName, v.RegionName,
            IsDefaultForLanguage: synthesizer.DefaultVoice(v.Language)?.Id == v.Id))
        .ToArray();

    public string? DefaultFor(string language) => synthesizer.DefaultVoice(language)?.Id;
}
