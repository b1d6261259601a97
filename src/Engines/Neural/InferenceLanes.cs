using System.Collections.Concurrent;

namespace SpeechCluster.Engines.Neural;

/// <summary>
/// A few threads of a model's own that run its inference, one run per thread at a time, in the
/// order asked. They bound how many runs go at once, as a semaphore would, and also which threads
/// run them: ONNX Runtime's CUDA provider keeps state on the GPU (streams, cuBLAS and cuDNN
/// handles and their workspaces) for every thread that runs a session, so runs from the thread
/// pool, whose threads come and go and grow in number under load, made GPU memory grow with the
/// number of conversations (20 GB at 32 conversations of the tiny contract models on an H100, past
/// any arena limit; bench/results/gpu-contract.md). On the CPU they keep long runs off the thread pool.
/// </summary>
public sealed class InferenceLanes : IDisposable
{
    [ThreadStatic]
    private static InferenceLanes? t_lanesOfThisThread;

    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;
    private int _disposed;

    /// <param name="name">Names the threads (seen in debuggers and profiles).</param>
    /// <param name="count">Threads, hence runs at once.</param>
    public InferenceLanes(string name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _threads = [.. Enumerable.Range(0, count).Select(i => new Thread(Serve) { IsBackground = true, Name = $"{name} #{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public int Count => _threads.Length;

    /// <summary>Whether the calling thread is one of these lanes: work it queued on them and waited for could wait on itself.</summary>
    public bool OwnsCurrentThread => t_lanesOfThisThread == this;

    /// <summary>Runs <paramref name="work"/> on one of the lanes once one is free.</summary>
    /// <returns>Its result; canceled without running if <paramref name="cancellationToken"/> fired before it started.</returns>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                result.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                result.TrySetResult(work());
            }
            catch (Exception e)
            {
                result.TrySetException(e);
            }
        }, CancellationToken.None);
        return result.Task;
    }

    /// <summary>Runs <paramref name="work"/> on one of the lanes and waits for it (inline when called from a lane).</summary>
    public T Run<T>(Func<T> work) =>
        OwnsCurrentThread ? work() : RunAsync(work).GetAwaiter().GetResult();

    /// <summary>Runs what was already asked, then ends the threads.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _work.CompleteAdding();
        if (t_lanesOfThisThread == this)
        {
            return; // the lanes end by themselves once the queue is empty
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _work.Dispose();
    }

    private void Serve()
    {
        t_lanesOfThisThread = this;
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
