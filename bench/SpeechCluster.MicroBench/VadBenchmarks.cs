using BenchmarkDotNet.Attributes;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.MicroBench;

/// <summary>
/// <see cref="SileroVadModel.Score"/> on the recording's frames in order, one stream state carried
/// across calls: one 32 ms frame per call, and the 3 frames a 100 ms message yields.
/// </summary>
[MemoryDiagnoser]
public class VadBenchmarks
{
    private const int FramesPerMessage = 3;

    private readonly VadStreamState _state = new();
    private readonly float[] _probabilities = new float[FramesPerMessage];
    private SileroVadModel _model = null!;
    private float[] _samples = null!;
    private int _frames;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _model = VadModels.LoadSilero();
        _samples = BenchAudio.ToFloat(BenchAudio.Samples16k);
        _frames = _samples.Length / _model.FrameSamples;
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Baseline = true)]
    [AudioPerOperation(32)]
    public float ScoreFrame() => Score(1);

    [Benchmark]
    [AudioPerOperation(96)]
    public float Score3Frames() => Score(FramesPerMessage);

    private float Score(int frames)
    {
        if (_next + frames > _frames)
        {
            _next = 0;
            _state.Reset();
        }

        var samples = _samples.AsSpan(_next * _model.FrameSamples, frames * _model.FrameSamples);
        _next += frames;
        _model.Score(samples, _state, _probabilities.AsSpan(0, frames));
        return _probabilities[0];
    }
}
