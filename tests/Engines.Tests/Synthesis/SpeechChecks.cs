using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Tests.Synthesis;

/// <summary>What synthesized speech must look like, checked without listening to it.</summary>
internal static class SpeechChecks
{
    // -36 dBFS: far above digital silence, well below any voice at its normal level.
    public const double RmsFloor = 500;

    public static void AssertPlausibleSpeech(SynthesizedAudio audio, string text, int sampleRate)
    {
        Assert.Equal(sampleRate, audio.SampleRate);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var secondsPerWord = audio.Duration.TotalSeconds / words;
        // espeak's French runs at about 0.17 s a word: short words, fast default rate.
        Assert.InRange(secondsPerWord, 0.12, 1.0);
        Assert.True(Rms(audio.Samples) > RmsFloor, $"RMS {Rms(audio.Samples):F0} is below {RmsFloor}: silent?");
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>
    /// Whether two renderings say the same thing the same way. Neither engine repeats itself sample for
    /// sample (flite's clustergen voices add random excitation, espeak-ng varies by a few samples, and
    /// its quiet tail grows from 7 to 56 ms after some utterances and stays so), so this compares the
    /// loudness envelope in 20 ms frames from the start (correlation of at least 0.98; measured
    /// 0.995-1.000 for repeats, at most 0.91 for other words or another language) and the length
    /// (within 1% plus 60 ms).
    /// </summary>
    public static bool SameUtterance(short[] first, short[] second, int sampleRate) =>
        Math.Abs(first.Length - second.Length) <= first.Length / 100 + sampleRate * 6 / 100 &&
        EnvelopeCorrelation(first, second, sampleRate) >= 0.98;

    public static string Describe(short[] first, short[] second, int sampleRate) =>
        $"{first.Length} vs {second.Length} samples, envelope correlation {EnvelopeCorrelation(first, second, sampleRate):F3}";

    private static double EnvelopeCorrelation(short[] first, short[] second, int sampleRate)
    {
        var x = Envelope(first, sampleRate);
        var y = Envelope(second, sampleRate);
        var n = Math.Min(x.Length, y.Length);
        double meanX = x.Take(n).Average(), meanY = y.Take(n).Average(), xy = 0, xx = 0, yy = 0;
        for (var i = 0; i < n; i++)
        {
            xy += (x[i] - meanX) * (y[i] - meanY);
            xx += (x[i] - meanX) * (x[i] - meanX);
            yy += (y[i] - meanY) * (y[i] - meanY);
        }

        return xy / Math.Sqrt(xx * yy);
    }

    /// <summary>How far <paramref name="other"/> is from <paramref name="reference"/>, in dB (infinite when equal).</summary>
    public static double SignalToDifference(short[] reference, short[] other)
    {
        Assert.Equal(reference.Length, other.Length);
        double signal = 0, difference = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            var d = reference[i] - other[i];
            difference += (double)d * d;
        }

        return difference == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / difference);
    }

    private static double[] Envelope(short[] samples, int sampleRate)
    {
        var frame = sampleRate / 50;
        var envelope = new double[samples.Length / frame];
        for (var i = 0; i < envelope.Length; i++)
        {
            envelope[i] = Math.Log10(Math.Pow(Rms(samples.AsSpan(i * frame, frame)), 2) + 1);
        }

        return envelope;
    }
}
