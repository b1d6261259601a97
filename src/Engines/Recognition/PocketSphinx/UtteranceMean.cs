namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// The cepstral mean of the utterance so far, summed from the live decoder's CMN accumulator after
/// every chunk (the batch mean that the acoustic model was trained with, estimated causally).
/// </summary>
/// <remarks>Not thread-safe: used by the thread that drives the live decoder.</remarks>
internal sealed class UtteranceMean
{
    private readonly double[] _sum;
    private double _frames;

    public UtteranceMean(int length)
    {
        _sum = new double[length];
    }

    public bool IsEmpty => _frames == 0;

    /// <summary>
    /// Moves what the library summed for the last chunk into this mean and clears the library's
    /// accumulator, so that it never reaches its own 800-frame window (which would overwrite the
    /// mean we set).
    /// </summary>
    public void Collect(LiveCepstralMean cmn) => _frames += cmn.DrainAccumulator(_sum);

    /// <summary>Writes the mean so far into <paramref name="mean"/>; false when no frame was summed yet.</summary>
    public bool TryGet(Span<float> mean)
    {
        if (_frames == 0)
        {
            return false;
        }

        for (var i = 0; i < _sum.Length; i++)
        {
            mean[i] = (float)(_sum[i] / _frames);
        }

        return true;
    }

    /// <summary>
    /// How far apart two means are: Euclidean over c1..c12, with c0 (energy) at half weight because
    /// the recognizer was measured to be less sensitive to it.
    /// </summary>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var d = (a[0] - b[0]) * (a[0] - b[0]) / 4.0;
        for (var i = 1; i < a.Length; i++)
        {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return Math.Sqrt(d);
    }
}
