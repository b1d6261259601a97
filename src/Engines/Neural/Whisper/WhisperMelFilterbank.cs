namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// The mel filterbank Whisper was trained with: librosa's <c>filters.mel(sr=16000, n_fft=400, n_mels)</c>
/// defaults, i.e. the Slaney mel scale (linear below 1 kHz, logarithmic above) from 0 Hz to Nyquist,
/// triangular filters, each scaled by 2 / its bandwidth in Hz ("slaney" area normalisation).
/// </summary>
internal static class WhisperMelFilterbank
{
    // Slaney's scale: 3 mels per 200 Hz up to 1 kHz (15 mels), then 27 mels per factor 6.4.
    private const double LinearHzPerMel = 200.0 / 3;
    private const double BreakHz = 1000;
    private const double BreakMel = BreakHz / LinearHzPerMel;
    private static readonly double LogStep = Math.Log(6.4) / 27;

    /// <summary>Weights [mel, bin] for the <c>nFft / 2 + 1</c> bins of a real FFT.</summary>
    public static float[][] Create(int melBins, int sampleRate, int nFft)
    {
        var bins = nFft / 2 + 1;
        var binHz = new double[bins];
        for (var bin = 0; bin < bins; bin++)
        {
            binHz[bin] = (double)bin * sampleRate / nFft;
        }

        // melBins + 2 points equally spaced in mels: filter m rises from edge m to m+1, falls to m+2.
        var maxMel = HzToMel(sampleRate / 2.0);
        var edges = new double[melBins + 2];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = MelToHz(maxMel * i / (melBins + 1));
        }

        var filters = new float[melBins][];
        for (var mel = 0; mel < melBins; mel++)
        {
            var (left, centre, right) = (edges[mel], edges[mel + 1], edges[mel + 2]);
            var area = 2 / (right - left);
            filters[mel] = new float[bins];
            for (var bin = 0; bin < bins; bin++)
            {
                var rising = (binHz[bin] - left) / (centre - left);
                var falling = (right - binHz[bin]) / (right - centre);
                filters[mel][bin] = (float)(Math.Max(0, Math.Min(rising, falling)) * area);
            }
        }

        return filters;
    }

    public static double HzToMel(double hz) =>
        hz < BreakHz ? hz / LinearHzPerMel : BreakMel + Math.Log(hz / BreakHz) / LogStep;

    public static double MelToHz(double mel) =>
        mel < BreakMel ? mel * LinearHzPerMel : BreakHz * Math.Exp(LogStep * (mel - BreakMel));
}
