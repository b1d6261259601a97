using System.Buffers;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// 16-bit samples kept in order, appended at the end and let go from the start, addressed by
/// position in the stream (the first sample appended is at the position given to the constructor).
/// Not thread-safe.
/// </summary>
/// <remarks>
/// The samples live in segments of 1 s at 16 kHz (32 KB, under the large-object threshold), rented
/// from the shared pool and given back once everything in them is let go. Growing never copies what
/// is stored; memory follows what is kept now, not the most ever kept (a single array that doubled
/// when full kept 0.5-1 MB for every conversation that once said a long sentence, measured with the
/// null-engines benchmark, bench/results/load-analysis.md); and audio that lives for seconds does
/// not reach the GC's oldest generation to linger there as garbage. Used for the gateway's recovery
/// audio and the session's open utterance.
/// </remarks>
public sealed class SegmentedAudio(long start = 0)
{
    public const int SegmentSamples = 16 * 1024;

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

    /// <summary>Segments held now (memory held is this times <see cref="SegmentSamples"/> samples).</summary>
    public int Segments => _segments.Count;

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

    /// <summary>Lets go of the samples before <paramref name="position"/> (all of them when it is past the end).</summary>
    public void TrimBefore(long position)
    {
        var drop = (int)Math.Clamp(position - Start, 0, Count);
        Start += drop;
        Count -= drop;
        _head += drop;
        while (_segments.Count > 0 && (_head >= SegmentSamples || Count == 0))
        {
            // A segment wholly let go goes back to the pool; so does the last one once nothing is kept at all.
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
        return Copy(Start + skip, Count - skip);
    }

    /// <summary>A copy of <paramref name="count"/> kept samples from <paramref name="position"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Some of them are not kept.</exception>
    public short[] Copy(long position, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, Start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position + count, End);
        var copy = new short[count];
        var offset = _head + (int)(position - Start);
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

            var length = Math.Min(SegmentSamples - offset, copy.Length - copied);
            segment.AsSpan(offset, length).CopyTo(copy.AsSpan(copied));
            copied += length;
            offset = 0;
        }

        return copy;
    }
}
