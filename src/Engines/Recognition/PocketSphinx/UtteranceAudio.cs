namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// The audio of the open utterance, appended by the stream's caller and read by the catch-up
/// pass on another thread. Thread-safe; grows by doubling (about 32 KiB per second of speech).
/// </summary>
internal sealed class UtteranceAudio
{
    private readonly Lock _gate = new();
    private short[] _samples = new short[16000 * 4];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Append(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            if (_count + samples.Length > _samples.Length)
            {
                Array.Resize(ref _samples, Math.Max(_samples.Length * 2, _count + samples.Length));
            }

            samples.CopyTo(_samples.AsSpan(_count));
            _count += samples.Length;
        }
    }

    /// <summary>Copies up to <paramref name="destination"/>.Length samples from <paramref name="start"/>; returns how many.</summary>
    public int CopyTo(int start, Span<short> destination)
    {
        lock (_gate)
        {
            var n = Math.Clamp(_count - start, 0, destination.Length);
            _samples.AsSpan(start, n).CopyTo(destination);
            return n;
        }
    }
}
