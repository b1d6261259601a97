using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// Converts 16 kHz sample positions of the stream into the protocol's timing: ticks from the first
/// sample after the WAV header, and byte positions in the client's own PCM (its rate, 2 bytes a sample).
/// </summary>
internal readonly record struct StreamClock(int InputSampleRate)
{
    public const int Rate = 16000;

    public AudioSpan Span(long startSample, long endSample)
    {
        var length = Math.Max(0, endSample - startSample);
        return new AudioSpan(Time(startSample), Time(length), Bytes(startSample), Bytes(length));
    }

    public static TimeSpan Time(long samples) => TimeSpan.FromTicks(samples * (TimeSpan.TicksPerSecond / Rate));

    private long Bytes(long samples) => samples * InputSampleRate / Rate * 2;
}
