using System.Buffers;
using BenchmarkDotNet.Attributes;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The gateway's first step for every binary message: <see cref="WavStreamParser.Feed"/> turns the
/// 3,200 bytes into samples in a reused writer (as ConversationConnection does), header already read.
/// </summary>
[MemoryDiagnoser]
public class WavFramingBenchmarks
{
    private readonly ArrayBufferWriter<short> _samples = new(16 * 1024);
    private WavStreamParser _parser = null!;
    private byte[][] _messages = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchAudio.WavFile;
        _parser = new WavStreamParser();
        _parser.Feed(file.AsSpan(0, 44), _samples);
        _messages = BenchAudio.Pieces(file[44..], BenchAudio.MessageBytes);
    }

    [Benchmark]
    [AudioPerOperation(100)]
    public int FeedMessage()
    {
        var message = _messages[_next++ % _messages.Length];
        _samples.ResetWrittenCount();
        return _parser.Feed(message, _samples).SamplesWritten;
    }
}
