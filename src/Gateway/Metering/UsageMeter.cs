namespace SpeechCluster.Gateway.Metering;

/// <summary>
/// Counts one conversation's usage and writes it to the store: the characters of each final at
/// once, the audio every <see cref="MeteringOptions.AudioFlushInterval"/> and at the end. Used by
/// the connection's receive and send loops, which run at once: additions are locked.
/// </summary>
internal sealed partial class UsageMeter(IUsageStore store, string tenant, TimeSpan audioFlushInterval, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private Usage _pending;

    public ValueTask AddAudioAsync(int samples, int sampleRate) =>
        Add(new Usage((double)samples / sampleRate, 0, 0), flush: false);

    public ValueTask AddCharactersAsync(long translated, long synthesized) =>
        Add(new Usage(0, translated, synthesized), flush: true);

    /// <summary>Writes what is left; the conversation has ended.</summary>
    public Task FlushAsync() => WritePendingAsync();

    private ValueTask Add(Usage usage, bool flush)
    {
        bool due;
        lock (_lock)
        {
            _pending += usage;
            due = flush || _pending.AudioSeconds >= audioFlushInterval.TotalSeconds;
        }

        return due ? new ValueTask(WritePendingAsync()) : ValueTask.CompletedTask;
    }

    private async Task WritePendingAsync()
    {
        Usage taken;
        lock (_lock)
        {
            (taken, _pending) = (_pending, default);
        }

        if (taken.IsZero)
        {
            return;
        }

        try
        {
            await store.AddAsync(tenant, Usage.MonthOf(time.GetUtcNow()), taken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store that failed must not end the conversation: the usage waits for the next write.
            lock (_lock)
            {
                _pending += taken;
            }

            LogWriteFailed(logger, tenant, ex);
        }
    }

    [LoggerMessage(EventId = 120, EventName = "UsageWriteFailed", Level = LogLevel.Warning, Message = "Writing the usage of tenant {Tenant} failed; it is kept for the next write")]
    private static partial void LogWriteFailed(ILogger logger, string tenant, Exception exception);
}
