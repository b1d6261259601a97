using Orleans.Concurrency;
using SpeechCluster.Engines.Text;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

[StatelessWorker]
internal sealed class TextWorkerGrain(ITextNormalizer normalizer) : Grain, ITextWorkerGrain
{
    public Task<string> NormalizeAsync(TextRequest request) =>
        Task.FromResult(normalizer.Normalize(request.Text, request.Language, request.IsFinal));
}
