using System.Buffers;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over an array rented from <see cref="ArrayPool{T}.Shared"/>, for
/// scratch output that is copied elsewhere once complete (a resampled segment on its way into a file).
/// </summary>
/// <remarks>
/// Not thread-safe. Must be disposed, which returns the array: <see cref="WrittenSpan"/> is valid
/// until then, or until the next write that grows the buffer.
/// </remarks>
internal sealed class PooledBufferWriter<T> : IBufferWriter<T>, IDisposable
{
    private T[] _buffer;
    private int _written;

    /// <param name="capacity">Elements expected; the buffer grows past it if needed.</param>
    public PooledBufferWriter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _buffer = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));
    }

    public ReadOnlySpan<T> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, 2 * _buffer.Length));
        WrittenSpan.CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
