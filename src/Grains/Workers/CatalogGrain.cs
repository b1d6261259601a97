using Orleans.Concurrency;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

/// <summary>Describes this silo's engines: recognizer locales, translation pairs, voices.</summary>
[StatelessWorker]
internal sealed class CatalogGrain(IEnumerable<ISpeechRecognizer> recognizers, ITranslator translator, VoiceDirectory voices)
    : Grain, ICatalogGrain
{
    public Task<EngineCatalog> GetCatalogAsync() => Task.FromResult(new EngineCatalog(
        recognizers.Select(r => new SpeechLocale(r.Locale, r.Locale.Split('-')[0])).ToArray(),
        translator.Pairs.Select(p => new TranslationPair(p.From, p.To, p.Pivot)).ToArray(),
        voices.Voices));
}
