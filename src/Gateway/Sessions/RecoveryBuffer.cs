using System.Buffers;

namespace SpeechCluster.Gateway.Sessions;

/// <summary>
/// The client's recent PCM (at its own rate), kept until a delivered final covers it, so that a
/// session lost with its silo can be rebuilt from it. Positions count input samples from the
/// start of the stream. Not thread-safe.
/// </summary>
/// <remarks>
/// The samples live in segments of 1 s at 16 kHz (32 KB, under the large-object threshold), rented
/// from the shared pool and given back once everything in them is trimmed. Memory therefore follows
/// what is kept now, not the longest utterance the conversation ever had: a single array that
/// doubled when full kept 0.5-1 MB for every conversation that once said a long sentence (measured
/// with the null-engines benchmark, bench/results/load-analysis.md); and the window sliding on
/// through the pauses reuses segments instead of allocating 32 KB a second.
/// </remarks>
internal sealed class RecoveryBuffer(long start = 0)
{
    internal const int SegmentSamples = 16 * 1024;

    private readonly Queue<short[]> _segments = new();
    // Offset of the oldest kept sample in the first segment, and samples written in the last one.
    private int _head;
    private int _tail = SegmentSamples;
    private short[]? _last;

    /// <summary>Stream position of the oldest sample kept.</summary>
    public long Start { get; private set; } = start;

    /// <summary>Stream position after the newest sample.</summary>
    public long End => Start + Count;

    public int Count { get; private set; }

    /// <summary>Segments held now (for tests: memory held is this times <see cref="SegmentSamples"/> samples).</summary>
    internal int Segments => _segments.Count;

    public void Append(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            if (_tail == SegmentSamples)
            {
                _last = ArrayPool<short>.Shared.Rent(SegmentSamples);
                _segments.Enqueue(_last);
                _tail = 0;
            }

            var count = Math.Min(samples.Length, SegmentSamples - _tail);
            samples[..count].CopyTo(_last.AsSpan(_tail));
            _tail += count;
            Count += count;
            samples = samples[count..];
        }
    }

    /// <summary>Forgets the samples before <paramref name="position"/>.</summary>
    public void TrimBefore(long position)
    {
        var drop = (int)Math.Clamp(position - Start, 0, Count);
        Start += drop;
        Count -= drop;
        _head += drop;
        while (_segments.Count > 0 && (_head >= SegmentSamples || Count == 0))
        {
            // A segment wholly trimmed goes; so does the last one once nothing is kept at all.
            _head -= _segments.Count == 1 ? _head : SegmentSamples;
            var segment = _segments.Dequeue();
            if (segment == _last)
            {
                _last = null;
                _tail = SegmentSamples;
            }

            ArrayPool<short>.Shared.Return(segment);
        }
    }

    /// <summary>A copy of the kept samples from <paramref name="position"/> (or the oldest kept) on.</summary>
    public short[] From(long position)
    {
        var skip = (int)Math.Clamp(position - Start, 0, Count);
        var copy = new short[Count - skip];
        var offset = _head + skip;
        var copied = 0;
        foreach (var segment in _segments)
        {
            if (copied == copy.Length)
            {
                break;
            }

            if (offset >= SegmentSamples)
            {
                offset -= SegmentSamples;
                continue;
            }

            var count = Math.Min(SegmentSamples - offset, copy.Length - copied);
            segment.AsSpan(offset, count).CopyTo(copy.AsSpan(copied));
            copied += count;
            offset = 0;
        }

        return copy;
    }
}
