using SpeechCluster.Engines.Neural;

namespace SpeechCluster.Engines.Tests.Neural;

public sealed class InferenceLanesTests
{
    [Fact]
    public async Task Many_callers_from_the_thread_pool_are_served_by_the_lanes_threads_alone_and_never_more_at_once()
    {
        using var lanes = new InferenceLanes("test", 2);
        var running = 0;
        var mostAtOnce = 0;
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => lanes.Run(() =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return i * 2;
        }))));

        Assert.Equal(Enumerable.Range(0, 64).Select(i => i * 2), results);
        Assert.InRange(threads.Count, 1, 2);
        Assert.InRange(mostAtOnce, 1, 2);
    }

    [Fact]
    public async Task A_failing_run_throws_at_its_caller_and_the_lane_serves_the_next()
    {
        using var lanes = new InferenceLanes("test", 1);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => lanes.RunAsync<int>(() => throw new InvalidOperationException("bad input")));
        Assert.Equal("bad input", error.Message);
        Assert.Equal(7, lanes.Run(() => 7));
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_never_runs()
    {
        using var lanes = new InferenceLanes("test", 1);
        using var gate = new ManualResetEventSlim();
        var blocker = lanes.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var queued = lanes.RunAsync(() => ran = true, cancel.Token);

        cancel.Cancel();
        gate.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.True(await blocker);
        Assert.False(ran);
    }

    [Fact]
    public void A_run_asked_for_from_a_lane_runs_inline_instead_of_waiting_for_itself()
    {
        using var lanes = new InferenceLanes("test", 1);
        var outer = lanes.Run(() => lanes.Run(() => Environment.CurrentManagedThreadId) == Environment.CurrentManagedThreadId);
        Assert.True(outer);
    }

    [Fact]
    public async Task Dispose_runs_what_was_already_asked_then_refuses_more()
    {
        var lanes = new InferenceLanes("test", 1);
        var queued = Enumerable.Range(0, 10).Select(i => lanes.RunAsync(() => { Thread.Sleep(1); return i; })).ToList();

        lanes.Dispose();

        Assert.Equal(Enumerable.Range(0, 10), await Task.WhenAll(queued));
        Assert.Throws<ObjectDisposedException>(() => { _ = lanes.RunAsync(() => 1); });
        lanes.Dispose(); // twice is harmless
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
