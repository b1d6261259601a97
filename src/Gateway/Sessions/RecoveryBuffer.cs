namespace SpeechCluster.Gateway.Sessions;

/// <summary>
/// The client's recent PCM (at its own rate), kept until a delivered final covers it, so that a
/// session lost with its silo can be rebuilt from it. Positions count input samples from the
/// start of the stream. Not thread-safe.
/// </summary>
internal sealed class RecoveryBuffer(long start = 0)
{
    private short[] _samples = new short[16_000];
    private int _start;
    private int _count;

    /// <summary>Stream position of the oldest sample kept.</summary>
    public long Start { get; private set; } = start;

    /// <summary>Stream position after the newest sample.</summary>
    public long End => Start + _count;

    public int Count => _count;

    public void Append(ReadOnlySpan<short> samples)
    {
        if (_start + _count + samples.Length > _samples.Length)
        {
            // Slide what is kept to the front, growing only when it does not fit.
            var size = Math.Max(_samples.Length, (_count + samples.Length) * 2);
            var target = size == _samples.Length ? _samples : new short[size];
            Array.Copy(_samples, _start, target, 0, _count);
            _samples = target;
            _start = 0;
        }

        samples.CopyTo(_samples.AsSpan(_start + _count));
        _count += samples.Length;
    }

    /// <summary>Forgets the samples before <paramref name="position"/>.</summary>
    public void TrimBefore(long position)
    {
        var drop = (int)Math.Clamp(position - Start, 0, _count);
        _start += drop;
        _count -= drop;
        Start += drop;
    }

    /// <summary>A copy of the kept samples from <paramref name="position"/> (or the oldest kept) on.</summary>
    public short[] From(long position)
    {
        var skip = (int)Math.Clamp(position - Start, 0, _count);
        return _samples.AsSpan(_start + skip, _count - skip).ToArray();
    }
}
