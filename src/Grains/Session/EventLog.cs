using System.Runtime.CompilerServices;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// The results of one session in delivery order, numbered from 1, for readers that wait for more.
/// Used only from the session grain's scheduler, so it needs no locks (but readers and writers
/// interleave at awaits, so readers never hold an enumerator across a yield). Events not yet read
/// are always kept; of those read, the latest <see cref="RetainedAfterRead"/> stay for a reader
/// that resumes.
/// </summary>
internal sealed class EventLog
{
    public const int RetainedAfterRead = 16;

    private readonly List<SessionEvent> _events = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private long _readSequence;

    public bool IsCompleted { get; private set; }

    public long LastSequence => _lastSequence;

    /// <summary>Events held in memory (unread ones and the retained tail).</summary>
    public int Count => _events.Count;

    public void Append(SessionEvent result)
    {
        if (IsCompleted)
        {
            return;
        }

        _events.Add(result with { Sequence = ++_lastSequence });
        Signal();
    }

    /// <summary>No more events will come; readers end after the last one.</summary>
    public void Complete()
    {
        IsCompleted = true;
        Signal();
    }

    /// <summary>
    /// Where a client that has every final up to <paramref name="resumeFrom"/> should read from:
    /// just before the oldest event kept that belongs to a later utterance.
    /// </summary>
    public long ResumePoint(int resumeFrom)
    {
        foreach (var result in _events)
        {
            var utterance = result switch
            {
                TranscriptEvent transcript => transcript.UtteranceId,
                SpeechAudioEvent audio => audio.UtteranceId,
                _ => int.MaxValue,
            };
            if (utterance > resumeFrom)
            {
                return result.Sequence - 1;
            }
        }

        return _lastSequence;
    }

    public async IAsyncEnumerable<SessionEvent> ReadAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = afterSequence;
        while (true)
        {
            if (Find(next) is { } result)
            {
                next = result.Sequence;
                yield return result;
                MarkRead(next);
                continue;
            }

            if (IsCompleted)
            {
                yield break;
            }

            await _changed.Task.WaitAsync(cancellationToken);
        }
    }

    private SessionEvent? Find(long afterSequence)
    {
        foreach (var result in _events)
        {
            if (result.Sequence > afterSequence)
            {
                return result;
            }
        }

        return null;
    }

    private void MarkRead(long sequence)
    {
        _readSequence = Math.Max(_readSequence, sequence);
        var drop = 0;
        while (drop < _events.Count - RetainedAfterRead && _events[drop].Sequence <= _readSequence - RetainedAfterRead)
        {
            drop++;
        }

        _events.RemoveRange(0, drop);
    }

    private void Signal()
    {
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
