using BenchmarkDotNet.Attributes;
using SpeechCluster.Engines.Vad;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Workers;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The VAD worker grain's body for the 3 frames of one 100 ms message, without Orleans: 16-bit
/// samples to floats, Silero on each frame, the new state returned, as the session grain chains it.
/// Compare with <see cref="VadBenchmarks.Score3Frames"/>: the difference is the grain's own work.
/// </summary>
[MemoryDiagnoser]
public class VoiceActivityGrainBenchmarks
{
    private SileroVadModel _model = null!;
    private VoiceActivityGrain _grain = null!;
    private short[][] _requests = null!;
    private VadState _state = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _model = VadModels.LoadSilero();
        _grain = new VoiceActivityGrain(_model);
        _requests = BenchAudio.Pieces(BenchAudio.Samples16k, 3 * _model.FrameSamples);
        _state = new VadState(new float[VadStreamState.StateLength], new float[VadStreamState.ContextLength]);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark]
    [AudioPerOperation(96)]
    public VadResult Score3Frames()
    {
        var result = _grain.ScoreAsync(new VadRequest(_requests[_next++ % _requests.Length], _state)).GetAwaiter().GetResult();
        _state = result.State;
        return result;
    }
}
