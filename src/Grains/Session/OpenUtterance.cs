using SpeechCluster.Engines.Audio;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// The utterance being spoken: its id, where it starts, its audio so far (kept so that a lost
/// recognizer can be replayed), and how much of it the recognizer has seen. Not thread-safe.
/// </summary>
internal sealed class OpenUtterance(int id, long startSample, IRecognitionGrain recognizer)
{
    // Kept whole until the final is recognized, so that a replaced recognizer can hear it again.
    private readonly SegmentedAudio _audio = new();
    private long _sent;

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

    public long AudioEnd => StartSample + _audio.End;

    public void Append(ReadOnlySpan<short> samples) => _audio.Append(samples);

    /// <summary>
    /// Gives the audio back to the pool once nothing can need it (the final is recognized); the
    /// utterance then has nothing left to send. Safe to call twice.
    /// </summary>
    public void Release()
    {
        _audio.TrimBefore(_audio.End);
        _sent = _audio.End;
    }

    /// <summary>Samples the recognizer has not been sent yet.</summary>
    public int Unsent => (int)(_audio.End - _sent);

    /// <summary>
    /// The audio the recognizer has not seen yet, at most <paramref name="most"/> samples (a new
    /// array: it goes to the recognizer grain); marks it as seen.
    /// </summary>
    public short[] TakeUnsent(int most = int.MaxValue)
    {
        if (Unsent == 0)
        {
            return [];
        }

        var unsent = _audio.Copy(_sent, Math.Min(Unsent, most));
        _sent += unsent.Length;
        return unsent;
    }
}
