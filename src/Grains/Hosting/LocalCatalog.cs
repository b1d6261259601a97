using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Hosting;

/// <summary>What this silo's own engines can do, limited to the engines it is configured to run.</summary>
public sealed class LocalCatalog(IServiceProvider services, IOptions<SiloRoleSettings> role)
{
    private readonly Lazy<EngineCatalog> _catalog = new(() => Describe(services, role.Value.EngineSet));

    public IReadOnlySet<string> Engines => role.Value.EngineSet;

    public EngineCatalog Catalog => _catalog.Value;

    private static EngineCatalog Describe(IServiceProvider services, IReadOnlySet<string> engines) => new(
        engines.Contains(EngineNames.Asr)
            ? services.GetRequiredService<RecognizerDirectory>().All.Select(Describe).ToArray()
            : [],
        engines.Contains(EngineNames.Mt)
            ? services.GetRequiredService<ITranslator>().Pairs.Select(p => new TranslationPair(p.From, p.To, p.Pivot)).ToArray()
            : [],
        engines.Contains(EngineNames.Tts) ? services.GetRequiredService<VoiceDirectory>().Voices : []);

    private static SpeechLocale Describe(ISpeechRecognizer recognizer) => new(
        recognizer.Locale,
        recognizer.Locale.Split('-')[0],
        recognizer.Model,
        Detects: recognizer is ILanguageDetectingRecognizer { CanDetect: true });
}
