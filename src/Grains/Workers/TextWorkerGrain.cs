using Orleans.Concurrency;
using SpeechCluster.Engines.Text;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces.Workers;
using Contracts = SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Grains.Workers;

/// <summary>TrueText for recognitions (what to show, and what to translate) and for translations.</summary>
[RequiresEngine(EngineNames.TrueText)]
[StatelessWorker]
internal sealed class TextWorkerGrain(TrueText trueText) : Grain, ITextWorkerGrain
{
    public Task<TextResult> ProcessAsync(TextRequest request)
    {
        var display = Process(request, request.IsTranslation ? TextRole.Translation : TextRole.Recognition,
            (DisfluencyMode)request.Disfluency, (ProfanityAction)request.ProfanityAction);
        if (request.IsTranslation)
        {
            return Task.FromResult(new TextResult(display, ""));
        }

        var clean = request is { Disfluency: Contracts.DisfluencyMode.Removed, ProfanityAction: Contracts.ProfanityAction.NoAction }
            ? display
            : Process(request, TextRole.Recognition, DisfluencyMode.Removed, ProfanityAction.NoAction);
        return Task.FromResult(new TextResult(display, clean));
    }

    private string Process(TextRequest request, TextRole role, DisfluencyMode disfluency, ProfanityAction profanity) =>
        trueText.Process(new TrueTextRequest
        {
            Text = request.Text,
            Language = request.Language,
            IsFinal = request.IsFinal,
            Role = role,
            Disfluency = disfluency,
            ProfanityAction = profanity,
            ProfanityMarker = (ProfanityMarker)request.ProfanityMarker,
        }).Text;
}
