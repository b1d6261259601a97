using System.Runtime.CompilerServices;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// A session grain stand-in that counts what the connection asks of it and produces no results;
/// its event stream ends when the client has completed. Thread-safe (the counters are interlocked).
/// </summary>
internal sealed class RecordingSession : ISessionGrain
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starts;
    private int _flushes;
    private long _samples;

    public int Starts => _starts;

    public int Flushes => _flushes;

    public long Samples => Interlocked.Read(ref _samples);

    public bool Abandoned { get; private set; }

    /// <summary>When set, every push of audio fails with it (as a silo shedding load refuses calls).</summary>
    public Exception? PushFailure { get; init; }

    public Task StartAsync(SessionOptions options, Guid connection, SessionResume? resume = null)
    {
        Interlocked.Increment(ref _starts);
        return Task.CompletedTask;
    }

    public Task<SessionProgress> PushAudioAsync(AudioChunk chunk)
    {
        if (PushFailure is { } failure)
        {
            return Task.FromException<SessionProgress>(failure);
        }

        var total = Interlocked.Add(ref _samples, chunk.Samples.Length);
        return Task.FromResult(new SessionProgress(total, 0));
    }

    public Task FlushAsync()
    {
        Interlocked.Increment(ref _flushes);
        return Task.CompletedTask;
    }

    public Task CompleteAsync()
    {
        _completed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task AbandonAsync(Guid connection)
    {
        Abandoned = true;
        return Task.CompletedTask;
    }

    public Task DetachAsync(Guid connection, TimeSpan window) => Task.CompletedTask;

    public Task<SessionAttachment?> AttachAsync(int resumeFrom, Guid connection) => Task.FromResult<SessionAttachment?>(null);

    public async IAsyncEnumerable<SessionEvent> ReadEventsAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _completed.Task.WaitAsync(cancellationToken);
        yield break;
    }
}
