using BenchmarkDotNet.Attributes;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.MicroBench;

/// <summary>
/// One 2 s TTS segment of 22,050 Hz speech (espeak-ng's rate; here the recording resampled) encoded
/// for the wire at the protocol's default 24 kHz: WAV (resampled in managed code) and MP3 (LAME,
/// which resamples itself).
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private const int TtsRate = 22050;

    private readonly WavEncoder _wav = new(24000);
    private readonly Mp3Encoder _mp3 = new(24000);
    private short[] _speech = null!;

    [GlobalSetup]
    public void Setup() => _speech = BenchAudio.SamplesAt(TtsRate)[..(2 * TtsRate)];

    [Benchmark(Baseline = true)]
    [AudioPerOperation(2000)]
    public int Wav24k() => _wav.Encode(_speech, TtsRate).Length;

    [Benchmark]
    [AudioPerOperation(2000)]
    public int Mp3At24k() => _mp3.Encode(_speech, TtsRate).Length;
}
