using System.Buffers;
using BenchmarkDotNet.Attributes;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.MicroBench;

/// <summary>
/// <see cref="StreamingResampler.Process"/> on one 100 ms message of a client that sends another rate
/// than 16 kHz, into a reused writer (as AudioIntake does). The input is the recording resampled to
/// that rate beforehand.
/// </summary>
[MemoryDiagnoser]
public class ResamplingBenchmarks
{
    private readonly ArrayBufferWriter<short> _output = new(4096);
    private StreamingResampler _resampler = null!;
    private short[][] _chunks = null!;
    private int _next;

    [Params(8000, 22050, 48000)]
    public int InputRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _resampler = new StreamingResampler(InputRate, BenchAudio.Rate);
        _chunks = BenchAudio.Pieces(BenchAudio.SamplesAt(InputRate), InputRate / 10);
    }

    [Benchmark]
    [AudioPerOperation(100)]
    public int ResampleTo16k()
    {
        _output.ResetWrittenCount();
        return _resampler.Process(_chunks[_next++ % _chunks.Length], _output);
    }
}
