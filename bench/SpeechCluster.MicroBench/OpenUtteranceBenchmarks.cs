using BenchmarkDotNet.Attributes;
using SpeechCluster.Grains.Session;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The session grain's bookkeeping of one 5 s utterance: its audio appended frame by frame (as
/// PushAudioAsync does) and the new audio taken for the recognizer after every 100 ms message
/// (<c>OpenUtterance.TakeUnsent</c>). One operation is the whole utterance.
/// </summary>
[MemoryDiagnoser]
public class OpenUtteranceBenchmarks
{
    private const int FrameSamples = 512;
    private const int FramesPerMessage = 3;

    private short[] _speech = null!;

    [GlobalSetup]
    public void Setup() => _speech = BenchAudio.Samples16k[..(5 * BenchAudio.Rate / FrameSamples * FrameSamples)];

    [Benchmark]
    [AudioPerOperation(4992)]
    public long Utterance5s()
    {
        // The recognizer grain is not called here.
        var utterance = new OpenUtterance(0, 0, recognizer: null!);
        long sent = 0;
        for (var frame = 0; frame < _speech.Length / FrameSamples; frame++)
        {
            utterance.Append(_speech.AsSpan(frame * FrameSamples, FrameSamples));
            if (frame % FramesPerMessage == FramesPerMessage - 1)
            {
                sent += utterance.TakeUnsent().Length;
            }
        }

        return sent + utterance.TakeUnsent().Length;
    }
}
