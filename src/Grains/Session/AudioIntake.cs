using System.Buffers;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// Takes the client's PCM in at its own rate and hands out whole 16 kHz VAD frames, numbered by
/// sample position in the stream, while remembering the last few seconds so that an utterance can
/// start a little before the frame in which speech was detected. Not thread-safe.
/// </summary>
internal sealed class AudioIntake
{
    private readonly StreamingResampler? _resampler;
    // Only for clients whose rate is not 16 kHz (8 KB that most conversations need not hold).
    private readonly ArrayBufferWriter<short>? _resampled;
    private readonly int _frameSamples;
    private readonly short[] _pending;
    private readonly int _reach;
    private short[] _history;
    private int _pendingCount;

    /// <param name="inputSampleRate">The client's rate.</param>
    /// <param name="frameSamples">Samples per VAD frame.</param>
    /// <param name="history">How much recent audio to remember at first.</param>
    /// <param name="reach">
    /// How far before the start of the frames handed out by one <see cref="Accept"/> the caller may
    /// ask <see cref="Recent"/> for: a client sending longer messages than the history holds grows it
    /// (to this plus its message), so a short default history costs nothing to clients that do.
    /// </param>
    public AudioIntake(int inputSampleRate, int frameSamples, TimeSpan history, int reach = 0)
    {
        if (inputSampleRate != StreamClock.Rate)
        {
            _resampler = new StreamingResampler(inputSampleRate, StreamClock.Rate);
            _resampled = new ArrayBufferWriter<short>(4096);
        }

        _frameSamples = frameSamples;
        _pending = new short[frameSamples];
        _reach = reach;
        _history = new short[(int)(history.TotalSeconds * StreamClock.Rate)];
    }

    /// <summary>Samples of recent audio remembered.</summary>
    public int HistoryLength => _history.Length;

    /// <summary>16 kHz samples handed out as frames so far: the stream position of the next frame.</summary>
    public long Position { get; private set; }

    /// <summary>Adds client audio; returns the whole frames it completes (possibly none) and where they start.</summary>
    public (short[] Frames, long Start) Accept(ReadOnlySpan<short> input)
    {
        ReadOnlySpan<short> samples = input;
        if (_resampler is not null && _resampled is not null)
        {
            _resampled.ResetWrittenCount();
            _resampler.Process(input, _resampled);
            samples = _resampled.WrittenSpan;
        }

        var start = Position;
        var total = _pendingCount + samples.Length;
        if (total < _frameSamples)
        {
            // No whole frame yet: nothing to hand out, so nothing to allocate.
            samples.CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount = total;
            return ([], start);
        }

        // The frames go to the VAD worker in a grain call, which keeps the array: it must be new.
        var frames = new short[total / _frameSamples * _frameSamples];
        var fromInput = frames.Length - _pendingCount;
        _pending.AsSpan(0, _pendingCount).CopyTo(frames);
        samples[..fromInput].CopyTo(frames.AsSpan(_pendingCount));
        samples[fromInput..].CopyTo(_pending);
        _pendingCount = samples.Length - fromInput;
        if (_reach > 0 && frames.Length + _reach > _history.Length)
        {
            Grow(frames.Length + _reach);
        }

        Remember(frames);
        return (frames, start);
    }

    /// <summary>The audio of [<paramref name="from"/>, <paramref name="to"/>) that is still remembered (older audio is gone).</summary>
    public short[] Recent(long from, long to)
    {
        to = Math.Min(to, Position);
        from = Math.Max(from, Math.Max(0, Position - _history.Length));
        if (to <= from)
        {
            return [];
        }

        var result = new short[to - from];
        var at = (int)(from % _history.Length);
        var first = Math.Min(result.Length, _history.Length - at);
        _history.AsSpan(at, first).CopyTo(result);
        _history.AsSpan(0, result.Length - first).CopyTo(result.AsSpan(first));
        return result;
    }

    /// <summary>At the end of the stream: the samples that never filled a frame.</summary>
    public short[] TakeRemainder()
    {
        var rest = _pending.AsSpan(0, _pendingCount).ToArray();
        _pendingCount = 0;
        Remember(rest);
        return rest;
    }

    private void Remember(ReadOnlySpan<short> samples)
    {
        Write(samples, Position);
        Position += samples.Length;
    }

    // The history is a ring: sample n of the stream lives at n % length. Only the newest
    // length samples can survive, so older ones are not even copied.
    private void Write(ReadOnlySpan<short> samples, long position)
    {
        if (_history.Length > 0)
        {
            var skip = Math.Max(0, samples.Length - _history.Length);
            var kept = samples[skip..];
            var at = (int)((position + skip) % _history.Length);
            var first = Math.Min(kept.Length, _history.Length - at);
            kept[..first].CopyTo(_history.AsSpan(at));
            kept[first..].CopyTo(_history);
        }
    }

    private void Grow(int length)
    {
        var kept = Recent(0, Position);
        _history = new short[length];
        Write(kept, Position - kept.Length);
    }
}
