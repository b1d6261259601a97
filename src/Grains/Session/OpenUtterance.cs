using System.Buffers;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// The utterance being spoken: its id, where it starts, its audio so far (kept so that a lost
/// recognizer can be replayed), and how much of it the recognizer has seen. Not thread-safe.
/// </summary>
internal sealed class OpenUtterance(int id, long startSample, IRecognitionGrain recognizer)
{
    // The audio is kept in segments of 1 s: growing never copies what is stored, and no segment
    // (32 KB) lands on the large-object heap, as a doubling buffer of a long utterance would. They
    // come from the shared pool and go back once the final is recognized: an utterance's audio
    // lives seconds, long enough to reach the GC's oldest generation and linger there as garbage.
    private const int SegmentSamples = 16 * 1024;

    private readonly List<short[]> _segments = [];
    private int _lastSegmentCount = SegmentSamples;
    private int _written;
    private int _sent;

    public int Id { get; } = id;

    public long StartSample { get; } = startSample;

    /// <summary>The utterance's trace, from the start of speech until its final and speech are out.</summary>
    public UtteranceTrace Trace { get; init; } = UtteranceTrace.Untraced;

    /// <summary>The end of speech plus padding; known once the endpointer ends the utterance.</summary>
    public long EndSample { get; set; }

    /// <summary>The grain recognizing it; replaced (with a higher <see cref="Attempt"/>) when its silo is lost.</summary>
    public IRecognitionGrain Recognizer { get; private set; } = recognizer;

    public int Attempt { get; private set; }

    /// <summary>Samples sent to the current recognizer so far.</summary>
    public long Sent => _sent;

    /// <summary>
    /// Moves the utterance to a new recognizer, which must then hear all of its audio again. The
    /// replaced one is told to let go of its decoder: one that only missed a call (an expired
    /// message on a loaded silo) would otherwise hold it until its activation is collected, and
    /// on a busy silo those orphans take the whole pool (fire and forget: its silo may be gone).
    /// </summary>
    public void Retry(Func<int, IRecognitionGrain> recognizerForAttempt)
    {
        var replaced = Recognizer;
        Recognizer = recognizerForAttempt(++Attempt);
        _ = replaced.CancelAsync();
        _sent = 0;
        LastPartial = "";
    }

    /// <summary>When the endpointer decided the utterance was over (a <see cref="TimeProvider"/> timestamp).</summary>
    public long DecidedAt { get; set; }

    public int PartialCount { get; set; }

    public string LastPartial { get; set; } = "";

    public long AudioEnd => StartSample + _written;

    public void Append(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            if (_lastSegmentCount == SegmentSamples)
            {
                _segments.Add(ArrayPool<short>.Shared.Rent(SegmentSamples));
                _lastSegmentCount = 0;
            }

            var count = Math.Min(samples.Length, SegmentSamples - _lastSegmentCount);
            samples[..count].CopyTo(_segments[^1].AsSpan(_lastSegmentCount));
            _lastSegmentCount += count;
            _written += count;
            samples = samples[count..];
        }
    }

    /// <summary>
    /// Gives the audio back to the pool once nothing can need it (the final is recognized); the
    /// utterance then has nothing left to send. Safe to call twice.
    /// </summary>
    public void Release()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<short>.Shared.Return(segment);
        }

        _segments.Clear();
        _lastSegmentCount = SegmentSamples;
        _sent = _written;
    }

    /// <summary>Samples the recognizer has not been sent yet.</summary>
    public int Unsent => _written - _sent;

    /// <summary>
    /// The audio the recognizer has not seen yet, at most <paramref name="most"/> samples (a new
    /// array: it goes to the recognizer grain); marks it as seen.
    /// </summary>
    public short[] TakeUnsent(int most = int.MaxValue)
    {
        if (_sent == _written)
        {
            return [];
        }

        var unsent = new short[Math.Min(_written - _sent, most)];
        for (var copied = 0; copied < unsent.Length;)
        {
            var position = _sent + copied;
            var segment = _segments[position / SegmentSamples].AsSpan(position % SegmentSamples);
            var count = Math.Min(segment.Length, unsent.Length - copied);
            segment[..count].CopyTo(unsent.AsSpan(copied));
            copied += count;
        }

        _sent += unsent.Length;
        return unsent;
    }
}
