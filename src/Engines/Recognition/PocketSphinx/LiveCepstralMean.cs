using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// Reads and writes the live cepstral-mean state of one decoder, so that streaming can normalise
/// with the mean of the utterance itself instead of the library's prior.
/// </summary>
/// <remarks>
/// Why: in streaming mode (<c>full_utt</c> = FALSE) this library version switches the decoder's
/// feature extractor to live CMN for good and subtracts a mean that is only re-estimated at the end
/// of an utterance (or every 8 s): the first utterance is normalised with <c>-cmninit</c>, later ones
/// with whatever the decoder heard last. That costs 10-15 WER points on real speech.
/// <para>
/// ABI assumptions (sphinxbase 5prealpha, LP64, float <c>mfcc_t</c>), checked when attached:
/// <c>feat_t</c> holds <c>int32 cepsize</c> at byte 16, <c>cmn_type_t cmn</c> at 68 and
/// <c>cmn_t *cmn_struct</c> at 88; <c>cmn_t</c> (public in <c>cmn.h</c>) is
/// <c>{ mfcc_t *cmn_mean, *cmn_var, *sum; int32 nframe, veclen; }</c>. <see cref="TryAttach"/>
/// returns null when the values found there are not plausible, and the caller then leaves CMN alone.
/// </para>
/// Not thread-safe: use only from the thread that drives the decoder. Valid while the decoder lives.
/// </remarks>
internal sealed unsafe class LiveCepstralMean
{
    private const int CepsizeOffset = 16;
    private const int CmnTypeOffset = 68;
    private const int CmnStructOffset = 88;
    private const int CmnBatch = 1;

    private readonly nint _feature;
    private readonly float* _mean;
    private readonly float* _sum;
    private readonly int* _frames;

    private LiveCepstralMean(nint feature, nint cmn, int length)
    {
        _feature = feature;
        _mean = *(float**)cmn;
        _sum = *(float**)(cmn + (2 * sizeof(nint)));
        _frames = (int*)(cmn + (3 * sizeof(nint)));
        Length = length;
    }

    /// <summary>Cepstral coefficients per frame (13 for the en-us model).</summary>
    public int Length { get; }

    /// <summary>Frames summed since the last <see cref="ResetAccumulator"/> (those with c0 ≥ 0).</summary>
    public int AccumulatedFrames => *_frames;

    /// <summary>Attaches to the decoder's <c>feat_t*</c>, or returns null when its layout is not the expected one.</summary>
    public static LiveCepstralMean? TryAttach(nint feature)
    {
        if (feature == 0 || sizeof(nint) != 8)
        {
            return null;
        }

        var cepsize = Marshal.ReadInt32(feature, CepsizeOffset);
        var cmnType = Marshal.ReadInt32(feature, CmnTypeOffset);
        var cmn = Marshal.ReadIntPtr(feature, CmnStructOffset);
        if (cepsize is < 1 or > 64 || cmnType is < 0 or > 2 || cmn == 0)
        {
            return null;
        }

        var veclen = Marshal.ReadInt32(cmn, (3 * sizeof(nint)) + sizeof(int));
        var hasArrays = Marshal.ReadIntPtr(cmn) != 0 && Marshal.ReadIntPtr(cmn, 2 * sizeof(nint)) != 0;
        return veclen == cepsize && hasArrays ? new LiveCepstralMean(feature, cmn, veclen) : null;
    }

    /// <summary>Forgets the frames summed so far, so that the next mean covers only new audio.</summary>
    public void ResetAccumulator()
    {
        new Span<float>(_sum, Length).Clear();
        *_frames = 0;
    }

    /// <summary>Adds the summed frames into <paramref name="sums"/>, clears the accumulator and returns the frame count.</summary>
    public int DrainAccumulator(Span<double> sums)
    {
        var frames = *_frames;
        for (var i = 0; i < Length; i++)
        {
            sums[i] += _sum[i];
        }

        ResetAccumulator();
        return frames;
    }

    /// <summary>Sets the mean subtracted from the next frames to the mean of the frames summed so far.</summary>
    /// <returns>False (and nothing changed) when no frame has been summed yet.</returns>
    public bool ApplyAccumulatedMean()
    {
        var frames = *_frames;
        if (frames <= 0)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            _mean[i] = _sum[i] / frames;
        }

        return true;
    }

    /// <summary>Copies the mean that the next frames will be normalised with.</summary>
    public void GetMean(Span<float> mean) => new ReadOnlySpan<float>(_mean, Length).CopyTo(mean);

    /// <summary>Sets the mean that the next frames will be normalised with; the accumulator is untouched.</summary>
    public void SetMean(ReadOnlySpan<float> mean) => mean[..Length].CopyTo(new Span<float>(_mean, Length));

    /// <summary>Makes the next whole-utterance decode use batch CMN again after streaming switched it to live.</summary>
    public void RestoreBatchMode() => Marshal.WriteInt32(_feature, CmnTypeOffset, CmnBatch);
}
