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
    private readonly ArrayBufferWriter<short> _resampled = new(4096);
    private readonly int _frameSamples;
    private readonly short[] _pending;
    private readonly short[] _history;
    private int _pendingCount;

    public AudioIntake(int inputSampleRate, int frameSamples, TimeSpan history)
    {
        _resampler = inputSampleRate == StreamClock.Rate ? null : new StreamingResampler(inputSampleRate, StreamClock.Rate);
        _frameSamples = frameSamples;
        _pending = new short[frameSamples];
        _history = new short[(int)(history.TotalSeconds * StreamClock.Rate)];
    }

    /// <summary>16 kHz samples handed out as frames so far: the stream position of the next frame.</summary>
    public long Position { get; private set; }

    /// <summary>Adds client audio; returns the whole frames it completes (possibly none) and where they start.</summary>
    public (short[] Frames, long Start) Accept(ReadOnlySpan<short> input)
    {
        ReadOnlySpan<short> samples = input;
        if (_resampler is not null)
        {
            _resampled.ResetWrittenCount();
            _resampler.Process(input, _resampled);
            samples = _resampled.WrittenSpan;
        }

        var total = _pendingCount + samples.Length;
        var frames = new short[total / _frameSamples * _frameSamples];
        var fromInput = frames.Length - _pendingCount;
        if (frames.Length > 0)
        {
            _pending.AsSpan(0, _pendingCount).CopyTo(frames);
            samples[..fromInput].CopyTo(frames.AsSpan(_pendingCount));
            samples[fromInput..].CopyTo(_pending);
            _pendingCount = samples.Length - fromInput;
        }
        else
        {
            samples.CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount = total;
        }

        var start = Position;
        Remember(frames);
        return (frames, start);
    }

    /// <summary>The audio of [<paramref name="from"/>, <paramref name="to"/>) that is still remembered (older audio is gone).</summary>
    public short[] Recent(long from, long to)
    {
        to = Math.Min(to, Position);
        from = Math.Max(from, Math.Max(0, Position - _history.Length));
        var result = new short[Math.Max(0, to - from)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _history[(from + i) % _history.Length];
        }

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
        for (var i = 0; i < samples.Length; i++)
        {
            _history[(Position + i) % _history.Length] = samples[i];
        }

        Position += samples.Length;
    }
}
