using BenchmarkDotNet.Attributes;
using SpeechCluster.Grains.Session;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The session grain's intake of one 100 ms AudioChunk: <c>AudioIntake.Accept</c> resamples to
/// 16 kHz when the client sends another rate, cuts whole 512-sample frames (3 or 4 per message)
/// and remembers the last 3 s (the default history).
/// </summary>
[MemoryDiagnoser]
public class AudioIntakeBenchmarks
{
    private AudioIntake _intake = null!;
    private short[][] _chunks = null!;
    private int _next;

    [Params(16000, 8000, 48000)]
    public int InputRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _intake = new AudioIntake(InputRate, 512, TimeSpan.FromSeconds(3));
        _chunks = BenchAudio.Pieces(BenchAudio.SamplesAt(InputRate), InputRate / 10);
    }

    [Benchmark]
    [AudioPerOperation(100)]
    public int Accept() => _intake.Accept(_chunks[_next++ % _chunks.Length]).Frames.Length;
}
