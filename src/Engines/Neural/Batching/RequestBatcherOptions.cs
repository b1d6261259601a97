namespace SpeechCluster.Engines.Neural.Batching;

/// <summary>How a <see cref="RequestBatcher{TRequest, TResult}"/> gathers requests into batches.</summary>
public sealed record RequestBatcherOptions
{
    /// <summary>How long the first request of a batch waits for others to join it.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>A batch runs as soon as it has this many requests.</summary>
    public int MaxBatchSize { get; init; } = 16;

    /// <summary>How many batches may run at once (per model: more mostly contend for the same device).</summary>
    public int MaxConcurrentBatches { get; init; } = 1;

    /// <summary>Requests waiting beyond this many make callers wait to enqueue (back-pressure, never a silent drop).</summary>
    public int QueueCapacity { get; init; } = 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.Zero, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentBatches, 1, nameof(MaxConcurrentBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
    }
}
