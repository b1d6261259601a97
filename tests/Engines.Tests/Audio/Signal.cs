namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>Test signals and the measurements that tell whether audio survived a conversion.</summary>
internal static class Signal
{
    public static short[] Sine(double frequency, int sampleRate, double seconds, double amplitude = 10000)
    {
        var samples = new short[(int)Math.Round(seconds * sampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    /// <summary>Amplitude of <paramref name="frequency"/> in the signal (Goertzel), in sample units.</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (var sample in samples)
        {
            var current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    /// <summary>Frequency estimated from sign changes (two per period).</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 * sampleRate / samples.Length;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / Math.Max(samples.Length, 1));
    }

    /// <summary>Largest absolute difference between two signals over their common length.</summary>
    public static int MaxDifference(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        var max = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    /// <summary>
    /// The best normalised correlation of <paramref name="delayed"/> with <paramref name="reference"/>
    /// over delays 0 to <paramref name="maxDelay"/> samples, and that delay.
    /// </summary>
    public static (double Correlation, int Delay) BestCorrelation(ReadOnlySpan<short> reference, ReadOnlySpan<short> delayed, int maxDelay)
    {
        var length = Math.Min(reference.Length, delayed.Length - maxDelay);
        var best = (Correlation: double.MinValue, Delay: 0);
        for (var delay = 0; delay <= maxDelay; delay++)
        {
            double product = 0, referenceEnergy = 0, delayedEnergy = 0;
            for (var i = 0; i < length; i++)
            {
                product += (double)reference[i] * delayed[i + delay];
                referenceEnergy += (double)reference[i] * reference[i];
                delayedEnergy += (double)delayed[i + delay] * delayed[i + delay];
            }

            var correlation = product / Math.Sqrt(referenceEnergy * delayedEnergy + 1e-9);
            if (correlation > best.Correlation)
            {
                best = (correlation, delay);
            }
        }

        return best;
    }
}
