using System.Buffers;
using NAudio.Dsp;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// Converts 16-bit mono audio from one sample rate to another (8-48 kHz) piece by piece, with the
/// filter state carried across calls so that chunk joins are seamless. Built on NAudio's managed
/// port of the Cockos WDL resampler in windowed-sinc mode.
/// </summary>
/// <remarks>
/// Not thread-safe; one per stream. Equal rates pass samples through unchanged. The filter holds back
/// a few milliseconds of input; <see cref="Flush"/> releases them at the end of a stream.
/// </remarks>
public sealed class StreamingResampler
{
    public const int MinSampleRate = WavFormatChunk.MinSampleRate;
    public const int MaxSampleRate = WavFormatChunk.MaxSampleRate;

    // 64 taps keep aliasing below about -80 dB at a cost of ~2 MFLOP per second of 16 kHz output.
    private const int SincTaps = 64;
    private const int SincInterpolation = 32;

    private readonly WdlResampler? _resampler;
    private float[] _output = [];

    /// <exception cref="ArgumentOutOfRangeException">A rate is outside 8000-48000 Hz.</exception>
    public StreamingResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputRate, MaxSampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputRate, MaxSampleRate);
        (InputRate, OutputRate) = (inputRate, outputRate);
        if (inputRate != outputRate)
        {
            _resampler = new WdlResampler();
            _resampler.SetMode(interp: false, filtercnt: 0, sinc: true, SincTaps, SincInterpolation);
            _resampler.SetFeedMode(wantInputDriven: true);
            _resampler.SetRates(inputRate, outputRate);
        }
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>True when the rates are equal and samples are copied unchanged.</summary>
    public bool IsPassThrough => _resampler is null;

    /// <summary>Resamples a whole buffer at once (e.g. a synthesized sentence), tail included.</summary>
    public static short[] Resample(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        var resampler = new StreamingResampler(inputRate, outputRate);
        if (resampler.IsPassThrough)
        {
            return input.ToArray();
        }

        // The result must be exact, so the resampler writes to a pooled buffer and one copy is kept.
        using var output = new PooledBufferWriter<short>(resampler.MaxOutputLength(input.Length));
        resampler.ProcessToEnd(input, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Appends the output that <paramref name="input"/> makes available; returns how many samples.</summary>
    public int Process(ReadOnlySpan<short> input, IBufferWriter<short> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_resampler is null)
        {
            input.CopyTo(output.GetSpan(input.Length));
            output.Advance(input.Length);
            return input.Length;
        }

        if (input.IsEmpty)
        {
            return 0;
        }

        // In feed mode the resampler asks for exactly the samples offered.
        _resampler.ResamplePrepare(input.Length, 1, out var inputBuffer);
        for (var i = 0; i < input.Length; i++)
        {
            inputBuffer[i] = input[i];
        }

        return Drain(input.Length, input.Length, output);
    }

    /// <summary><see cref="Process"/> then <see cref="Flush"/>: the whole of a last (or only) piece; returns how many samples.</summary>
    internal int ProcessToEnd(ReadOnlySpan<short> input, IBufferWriter<short> output) => Process(input, output) + Flush(output);

    /// <summary>
    /// Appends the samples the filter still holds, as if the input went on in silence, and starts
    /// afresh: the next <see cref="Process"/> begins a new stream.
    /// </summary>
    public int Flush(IBufferWriter<short> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_resampler is null)
        {
            return 0;
        }

        // Offering fewer samples than prepared makes WDL pad with zeros and emit only the valid tail.
        _resampler.ResamplePrepare(SincTaps, 1, out _);
        var written = Drain(0, 2 * SincTaps, output);
        _resampler.Reset();
        return written;
    }

    /// <summary>An upper bound of the output that <paramref name="inputLength"/> samples can produce.</summary>
    public int MaxOutputLength(int inputLength) =>
        (int)(((long)inputLength + 2 * SincTaps) * OutputRate / InputRate) + 2;

    private int Drain(int inputCount, int expectedInput, IBufferWriter<short> output)
    {
        var capacity = MaxOutputLength(expectedInput);
        if (_output.Length < capacity)
        {
            _output = new float[Math.Max(capacity, 2 * _output.Length)];
        }

        var count = _resampler!.ResampleOut(_output, inputCount, capacity, 1);
        var destination = output.GetSpan(count);
        for (var i = 0; i < count; i++)
        {
            destination[i] = (short)Math.Clamp(MathF.Round(_output[i]), short.MinValue, short.MaxValue);
        }

        output.Advance(count);
        return count;
    }
}
