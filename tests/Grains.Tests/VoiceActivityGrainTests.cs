using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Vad;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Workers;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Grains.Tests;

/// <summary>The VAD worker's own work (16-bit to float, the state handed back), apart from Orleans.</summary>
public sealed class VoiceActivityGrainTests : IDisposable
{
    private readonly SileroVadModel _model = new(
        Options.Create(new SileroVadOptions { ModelPath = Path.Combine(new EngineOptions().ResolveModelsDirectory(), "silero", "silero_vad.onnx") }),
        NullLogger<SileroVadModel>.Instance);

    public void Dispose() => _model.Dispose();

    [Fact]
    public void Score_RealSpeechInRequests_MatchesTheModelOnScaledSamples()
    {
        var speech = TestSpeech.LibriVox[1].Samples;
        var expected = new VadStreamState();
        var state = new VadState(new float[VadStreamState.StateLength], new float[VadStreamState.ContextLength]);

        // Requests of 10 frames, then 3, then 1, as chunks of different sizes give; each ends with a
        // partial frame that must be ignored.
        var position = 0;
        foreach (var frames in new[] { 10, 3, 1, 3, 10 })
        {
            var samples = speech.AsSpan(position, (frames * 512) + 100).ToArray();
            var request = new VadRequest(samples, state);
            var requestState = (request.State.ModelState.ToArray(), request.State.Context.ToArray());

            var result = VoiceActivityGrain.Score(_model, request);

            var probabilities = new float[frames];
            _model.Score(samples.Take(frames * 512).Select(s => s / 32768f).ToArray(), expected, probabilities);
            Assert.Equal(probabilities, result.Probabilities);
            Assert.Equal(expected.State, result.State.ModelState);
            Assert.Equal(expected.Context, result.State.Context);
            // The request, which may be the caller's own state, is left alone.
            Assert.Equal(requestState.Item1, request.State.ModelState);
            Assert.Equal(requestState.Item2, request.State.Context);
            Assert.NotSame(request.State.ModelState, result.State.ModelState);
            state = result.State;
            position += frames * 512;
        }

        Assert.Contains(expected.State, value => value != 0);
    }

    [Fact]
    public void Score_LessThanAFrame_ReturnsNoProbabilitiesAndTheSameState()
    {
        var state = new VadState(Enumerable.Range(0, VadStreamState.StateLength).Select(i => i / 256f).ToArray(), new float[VadStreamState.ContextLength]);

        var result = VoiceActivityGrain.Score(_model, new VadRequest(new short[300], state));

        Assert.Empty(result.Probabilities);
        Assert.Equal(state.ModelState, result.State.ModelState);
    }
}
