namespace AsrEval;

/// <summary>Input level measures and scaling.</summary>
internal static class Level
{
    public const double TargetPeak = 0.5 * short.MaxValue;

    public static int Peak(ReadOnlySpan<short> samples)
    {
        var peak = 0;
        foreach (var s in samples)
        {
            peak = Math.Max(peak, Math.Abs((int)s));
        }

        return peak;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    public static short[] ScaleToPeak(ReadOnlySpan<short> samples, int peak) => Scale(samples, peak == 0 ? 1 : TargetPeak / peak);

    public static short[] Scale(ReadOnlySpan<short> samples, double gain)
    {
        var scaled = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            scaled[i] = (short)Math.Clamp(Math.Round(samples[i] * gain), short.MinValue, short.MaxValue);
        }

        return scaled;
    }
}

/// <summary>Causal gain: scales so that the loudest sample heard so far would reach the target peak.</summary>
internal sealed class RunningGain
{
    private int _peak;

    public double Gain => _peak < 64 ? 1 : Math.Clamp(Level.TargetPeak / _peak, 0.25, 32);

    public short[] Apply(short[] chunk)
    {
        _peak = Math.Max(_peak, Level.Peak(chunk));
        return Level.Scale(chunk, Gain);
    }

    /// <summary>Audio already heard, scaled with the current gain (for a restart) or as it was.</summary>
    public short[] Replay(ReadOnlySpan<short> audio, bool scale) => scale ? Level.Scale(audio, Gain) : audio.ToArray();
}
