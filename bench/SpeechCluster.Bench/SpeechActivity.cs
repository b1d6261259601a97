namespace SpeechCluster.Bench;

/// <summary>
/// Where speech really is in a clip, from its energy (independent of the server's VAD): the first
/// and last 10 ms frame inside a span whose level is within 35 dB of the clip's loudest frame.
/// </summary>
internal static class SpeechActivity
{
    private const int Frame = 160;

    public static (long Start, long End)? Within(short[] samples, long from, long to)
    {
        var threshold = LoudestFrame(samples) * Math.Pow(10, -35 / 20.0);
        long? first = null, last = null;
        for (var start = Math.Max(0, from) / Frame * Frame; start + Frame <= Math.Min(to, samples.Length); start += Frame)
        {
            if (Rms(samples, start) >= threshold)
            {
                first ??= start;
                last = start + Frame;
            }
        }

        return first is { } f && last is { } l ? (f, l) : null;
    }

    private static double LoudestFrame(short[] samples)
    {
        var loudest = 1.0;
        for (var start = 0; start + Frame <= samples.Length; start += Frame)
        {
            loudest = Math.Max(loudest, Rms(samples, start));
        }

        return loudest;
    }

    private static double Rms(short[] samples, long start)
    {
        double sum = 0;
        for (var i = start; i < start + Frame; i++)
        {
            sum += (double)samples[i] * samples[i];
        }

        return Math.Sqrt(sum / Frame);
    }
}
