using BenchmarkDotNet.Attributes;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.MicroBench;

/// <summary>
/// <see cref="Endpointer.Accept(float, List{EndpointEvent})"/> per frame, on the probabilities Silero
/// gives the recording (speech, pauses, utterance starts and ends), cycled; the event list is reused
/// as the session grain reuses it.
/// </summary>
[MemoryDiagnoser]
public class EndpointerBenchmarks
{
    private readonly List<EndpointEvent> _events = [];
    private Endpointer _endpointer = null!;
    private float[] _probabilities = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        using var model = VadModels.LoadSilero();
        var samples = BenchAudio.ToFloat(BenchAudio.Samples16k);
        _probabilities = new float[samples.Length / model.FrameSamples];
        model.Score(samples.AsSpan(0, _probabilities.Length * model.FrameSamples), new VadStreamState(), _probabilities);
        _endpointer = new Endpointer(new EndpointerOptions(), model.FrameSamples);
    }

    [Benchmark]
    [AudioPerOperation(32)]
    public int AcceptFrame()
    {
        _events.Clear();
        _endpointer.Accept(_probabilities[_next++ % _probabilities.Length], _events);
        return _events.Count;
    }
}
