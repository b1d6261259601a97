using Orleans.Concurrency;
using SpeechCluster.Engines.Vad;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

/// <summary>Silero VAD over frames of one stream; the caller owns the recurrent state.</summary>
[RequiresEngine(EngineNames.Vad)]
[StatelessWorker]
internal sealed class VoiceActivityGrain(IVoiceActivityModel model) : Grain, IVoiceActivityGrain
{
    public Task<VadResult> ScoreAsync(VadRequest request)
    {
        var frames = request.Samples.Length / model.FrameSamples;
        var input = new float[frames * model.FrameSamples];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = request.Samples[i] / 32768f;
        }

        // The request is immutable and may be the caller's own arrays: work on copies.
        var state = new VadStreamState
        {
            State = (float[])request.State.ModelState.Clone(),
            Context = (float[])request.State.Context.Clone(),
        };
        var probabilities = new float[frames];
        model.Score(input, state, probabilities);
        return Task.FromResult(new VadResult(probabilities, new VadState(state.State, state.Context)));
    }
}
