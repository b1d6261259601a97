using Orleans.Concurrency;
using SpeechCluster.Engines.Text;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

[StatelessWorker]
internal sealed class TextWorkerGrain(TrueText trueText) : Grain, ITextWorkerGrain
{
    public Task<string> NormalizeAsync(TextRequest request) =>
        Task.FromResult(trueText.Process(new TrueTextRequest
        {
            Text = request.Text,
            Language = request.Language,
            IsFinal = request.IsFinal,
        }).Text);
}
