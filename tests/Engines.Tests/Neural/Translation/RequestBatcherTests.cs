using System.Collections.Concurrent;
using SpeechCluster.Engines.Neural.Batching;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

public sealed class RequestBatcherTests
{
    [Fact]
    public async Task Requests_are_cut_into_batches_of_the_maximum_size_and_answered_in_order()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var batcher = new RequestBatcher<int, string>(
            (batch, _) =>
            {
                sizes.Enqueue(batch.Count);
                return Task.FromResult<IReadOnlyList<string>>([.. batch.Select(value => $"#{value}")]);
            },
            new RequestBatcherOptions { Window = TimeSpan.FromMinutes(1), MaxBatchSize = 4 });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(value => batcher.SubmitAsync(value)));

        Assert.Equal(Enumerable.Range(0, 8).Select(value => $"#{value}"), results);
        Assert.Equal([4, 4], sizes);
        Assert.Equal(2, batcher.BatchesRun);
    }

    [Fact]
    public async Task A_lone_request_runs_when_its_window_closes()
    {
        await using var batcher = new RequestBatcher<int, int>(
            (batch, _) => Task.FromResult<IReadOnlyList<int>>([.. batch.Select(value => value * 2)]),
            new RequestBatcherOptions { Window = TimeSpan.FromMilliseconds(5), MaxBatchSize = 64 });

        Assert.Equal(42, await batcher.SubmitAsync(21));
        Assert.Equal(1, batcher.BatchesRun);
    }

    [Fact]
    public async Task No_more_batches_run_at_once_than_allowed()
    {
        var gate = new Lock();
        var running = 0;
        var most = 0;
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var batcher = new RequestBatcher<int, int>(
            async (batch, _) =>
            {
                lock (gate)
                {
                    most = Math.Max(most, ++running);
                    if (running == 2)
                    {
                        twoRunning.TrySetResult();
                    }
                }

                await release.Task;
                lock (gate)
                {
                    running--;
                }

                return [.. batch];
            },
            new RequestBatcherOptions { Window = TimeSpan.Zero, MaxBatchSize = 1, MaxConcurrentBatches = 2 });

        var calls = Enumerable.Range(0, 6).Select(value => batcher.SubmitAsync(value)).ToArray();
        await twoRunning.Task;
        release.SetResult();

        Assert.Equal(Enumerable.Range(0, 6), await Task.WhenAll(calls));
        Assert.Equal(2, most);
        Assert.Equal(6, batcher.BatchesRun);
    }

    [Fact]
    public async Task A_failing_batch_fails_each_of_its_callers()
    {
        await using var batcher = new RequestBatcher<int, int>(
            (_, _) => throw new InvalidOperationException("model broke"),
            new RequestBatcherOptions { Window = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.SubmitAsync(1));
        Assert.Equal("model broke", error.Message);
    }
}
