using System.Threading.Channels;

namespace SpeechCluster.Engines.Neural.Batching;

/// <summary>
/// Gathers requests from concurrent callers into batches: the first request of a batch waits up to
/// <see cref="RequestBatcherOptions.Window"/> for others (or until the batch is full), then the
/// whole batch runs as one call, with at most <see cref="RequestBatcherOptions.MaxConcurrentBatches"/>
/// running at once. While every slot is busy, new requests keep joining the next batch. Thread-safe.
/// </summary>
public sealed class RequestBatcher<TRequest, TResult> : IAsyncDisposable, IDisposable
{
    private readonly Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> _runBatch;
    private readonly RequestBatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue;
    private readonly SemaphoreSlim _slots;
    private readonly Task _gathering;
    private long _batchesRun;
    private long _requestsRun;
    private int _disposed;

    /// <param name="runBatch">Runs one batch; returns one result per request, in order.</param>
    public RequestBatcher(
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> runBatch,
        RequestBatcherOptions options,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(runBatch);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _runBatch = runBatch;
        _options = options;
        _time = time ?? TimeProvider.System;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _slots = new SemaphoreSlim(options.MaxConcurrentBatches, options.MaxConcurrentBatches);
        _gathering = Task.Run(GatherAsync);
    }

    /// <summary>Batches started so far (for tests and metrics).</summary>
    public long BatchesRun => Interlocked.Read(ref _batchesRun);

    /// <summary>Requests handed to batches so far.</summary>
    public long RequestsRun => Interlocked.Read(ref _requestsRun);

    /// <summary>Queues a request and completes with its result once its batch has run.</summary>
    public async Task<TResult> SubmitAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops taking requests, runs those already queued, and waits for running batches.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _gathering.ConfigureAwait(false);
        for (var slot = 0; slot < _options.MaxConcurrentBatches; slot++)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
        }

        _slots.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task GatherAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<Pending>(_options.MaxBatchSize);
            using (var window = new CancellationTokenSource(_options.Window, _time))
            {
                while (batch.Count < _options.MaxBatchSize)
                {
                    if (reader.TryRead(out var pending))
                    {
                        batch.Add(pending);
                        continue;
                    }

                    if (batch.Count == 0 || !await WaitForMoreAsync(reader, window.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }

            // Waiting for a free slot here lets the requests that arrive meanwhile form the next batch.
            if (batch.Count > 0)
            {
                await _slots.WaitAsync().ConfigureAwait(false);
                _ = RunAsync(batch);
            }
        }
    }

    private static async Task<bool> WaitForMoreAsync(ChannelReader<Pending> reader, CancellationToken window)
    {
        try
        {
            return await reader.WaitToReadAsync(window).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunAsync(List<Pending> batch)
    {
        try
        {
            // A caller that gave up before its batch started is not run.
            var live = batch.Where(pending => !pending.Cancellation.IsCancellationRequested).ToList();
            foreach (var gone in batch.Except(live))
            {
                gone.Result.TrySetCanceled(gone.Cancellation);
            }

            if (live.Count == 0)
            {
                return;
            }

            Interlocked.Increment(ref _batchesRun);
            Interlocked.Add(ref _requestsRun, live.Count);
            try
            {
                var results = await Task.Run(() => _runBatch([.. live.Select(pending => pending.Request)], CancellationToken.None)).ConfigureAwait(false);
                if (results.Count != live.Count)
                {
                    throw new InvalidOperationException($"A batch of {live.Count} requests returned {results.Count} results.");
                }

                for (var i = 0; i < live.Count; i++)
                {
                    live[i].Result.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                live.ForEach(pending => pending.Result.TrySetException(e));
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Result, CancellationToken Cancellation);
}
