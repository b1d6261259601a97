using System.Buffers;
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
    public Task<VadResult> ScoreAsync(VadRequest request) => Task.FromResult(Score(model, request));

    /// <summary>
    /// The grain's work, apart from Orleans: scales the samples to [-1, 1] in a pooled buffer and
    /// scores them. The result's arrays are new (they leave in a grain call); the request's are
    /// only read, since an immutable request may be the caller's own arrays.
    /// </summary>
    internal static VadResult Score(IVoiceActivityModel model, VadRequest request)
    {
        var frames = request.Samples.Length / model.FrameSamples;
        var length = frames * model.FrameSamples;
        var state = new VadStreamState
        {
            State = (float[])request.State.ModelState.Clone(),
            Context = (float[])request.State.Context.Clone(),
        };
        var probabilities = new float[frames];
        var input = ArrayPool<float>.Shared.Rent(length);
        try
        {
            var samples = request.Samples.AsSpan(0, length);
            for (var i = 0; i < samples.Length; i++)
            {
                input[i] = samples[i] / 32768f;
            }

            model.Score(input.AsSpan(0, length), state, probabilities);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }

        return new VadResult(probabilities, new VadState(state.State, state.Context));
    }
}
