using System.Runtime.CompilerServices;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.MicroBench;

/// <summary>
/// A session grain stand-in that takes audio and produces no results. Every push completes
/// asynchronously, as a grain call does, so that the gateway's awaits really suspend.
/// </summary>
internal sealed class AcceptingSession : ISessionGrain
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Samples { get; private set; }

    public Task StartAsync(SessionOptions options, Guid connection, SessionResume? resume = null) => Task.CompletedTask;

    public async Task<SessionProgress> PushAudioAsync(AudioChunk chunk)
    {
        await Task.Yield();
        Samples += chunk.Samples.Length;
        return new SessionProgress(Samples, 0);
    }

    public Task FlushAsync() => Task.CompletedTask;

    public Task CompleteAsync()
    {
        _completed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task AbandonAsync(Guid connection) => Task.CompletedTask;

    public Task DetachAsync(Guid connection, TimeSpan window) => Task.CompletedTask;

    public Task<SessionAttachment?> AttachAsync(int resumeFrom, Guid connection) => Task.FromResult<SessionAttachment?>(null);

    public async IAsyncEnumerable<SessionEvent> ReadEventsAsync(long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _completed.Task.WaitAsync(cancellationToken);
        yield break;
    }
}
