using Orleans.Concurrency;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

[RequiresEngine(EngineNames.Mt)]
[StatelessWorker]
internal sealed class TranslationGrain(ITranslator translator) : Grain, ITranslationGrain
{
    public Task<string> TranslateAsync(string text, string from, string to) =>
        from.Equals(to, StringComparison.OrdinalIgnoreCase) || text.Length == 0
            ? Task.FromResult(text)
            : translator.TranslateAsync(text, from, to);
}
