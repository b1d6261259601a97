namespace SpeechCluster.Engines.Vad;

/// <summary>
/// Cuts 16-bit PCM that arrives in pieces of any size into whole frames of float samples in [-1, 1],
/// the form <see cref="IVoiceActivityModel.Score"/> takes, keeping the remainder for the next piece.
/// </summary>
/// <remarks>One per stream; not thread-safe. Its buffer grows to the largest piece appended and is reused.</remarks>
public sealed class VadFrameAccumulator
{
    private readonly int _frameSamples;
    private float[] _buffer;
    private int _count;
    private int _taken;

    /// <param name="frameSamples">Samples per frame: <see cref="IVoiceActivityModel.FrameSamples"/>.</param>
    public VadFrameAccumulator(int frameSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameSamples, 1);
        _frameSamples = frameSamples;
        _buffer = new float[frameSamples * 8];
    }

    /// <summary>Samples appended but not yet taken as part of a whole frame (fewer than a frame after <see cref="TakeFrames"/>).</summary>
    public int PendingSamples => _count - _taken;

    /// <summary>Appends little-endian 16-bit PCM; an odd trailing byte is an error.</summary>
    public void Append(ReadOnlySpan<byte> pcm16)
    {
        if (pcm16.Length % 2 != 0)
        {
            throw new ArgumentException("16-bit PCM must have an even number of bytes.", nameof(pcm16));
        }

        var destination = Reserve(pcm16.Length / 2);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (short)(pcm16[2 * i] | (pcm16[(2 * i) + 1] << 8)) / 32768f;
        }
    }

    /// <summary>Appends 16-bit samples.</summary>
    public void Append(ReadOnlySpan<short> samples)
    {
        var destination = Reserve(samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = samples[i] / 32768f;
        }
    }

    /// <summary>
    /// Takes every whole frame appended so far. The span stays valid until the next call to
    /// <see cref="Append(ReadOnlySpan{short})"/>; its length is a multiple of the frame size (maybe 0).
    /// </summary>
    public ReadOnlySpan<float> TakeFrames()
    {
        var whole = (PendingSamples / _frameSamples) * _frameSamples;
        var frames = _buffer.AsSpan(_taken, whole);
        _taken += whole;
        return frames;
    }

    private Span<float> Reserve(int samples)
    {
        // Drop what was taken before growing, so the buffer only ever holds one frame's remainder plus the new piece.
        var pending = PendingSamples;
        if (_taken > 0)
        {
            Array.Copy(_buffer, _taken, _buffer, 0, pending);
            _count = pending;
            _taken = 0;
        }

        if (_count + samples > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_count + samples, _buffer.Length * 2));
        }

        var destination = _buffer.AsSpan(_count, samples);
        _count += samples;
        return destination;
    }
}
