using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Session;

namespace SpeechCluster.Grains.Tests;

public sealed class EventLogTests
{
    [Fact]
    public async Task ReadAsync_EventsAppendedWhileWaiting_ArriveInOrderAndEndAfterComplete()
    {
        var log = new EventLog();
        var reading = ReadAllAsync(log, 0);

        log.Append(Audio(1));
        await Task.Yield();
        log.Append(Audio(2));
        log.Append(Audio(3));
        log.Complete();

        var read = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Sequence));
        Assert.Equal([1, 2, 3], read.Cast<SpeechAudioEvent>().Select(e => e.UtteranceId));
    }

    [Fact]
    public async Task ReadAsync_AfterSequence_ResumesAfterIt()
    {
        var log = new EventLog();
        for (var i = 0; i < 5; i++)
        {
            log.Append(Audio(i));
        }

        log.Complete();

        var read = await ReadAllAsync(log, 3);
        Assert.Equal([4L, 5L], read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Append_ManyEventsRead_KeepsOnlyTheRetainedTail()
    {
        var log = new EventLog();
        for (var i = 0; i < 100; i++)
        {
            log.Append(Audio(i));
        }

        Assert.Equal(100, log.Count);
        log.Complete();
        await ReadAllAsync(log, 0);

        Assert.Equal(EventLog.RetainedAfterRead, log.Count);
        Assert.Equal(EventLog.RetainedAfterRead, (await ReadAllAsync(log, 100 - EventLog.RetainedAfterRead)).Count);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWaiting()
    {
        var log = new EventLog();
        using var cancel = new CancellationTokenSource();
        var reading = ReadAllAsync(log, 0, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static SpeechAudioEvent Audio(int id) => new() { UtteranceId = id, Language = "es", Audio = [] };

    private static async Task<List<SessionEvent>> ReadAllAsync(EventLog log, long after, CancellationToken cancellationToken = default)
    {
        var read = new List<SessionEvent>();
        await foreach (var e in log.ReadAsync(after, cancellationToken))
        {
            read.Add(e);
        }

        return read;
    }
}
