using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Connections;

namespace SpeechCluster.Gateway.Hosting;

/// <summary>
/// Graceful shutdown (SIGTERM): before any hosted service stops (Kestrel, the embedded silo), new
/// conversations are refused (503) and open ones may go on for <see cref="GatewayOptions.DrainTimeout"/>;
/// at that deadline those still open are told to finish (<see cref="Deadline"/>: finalise, send their
/// results, close with 1001), and shutdown goes on once they have.
/// </summary>
internal sealed partial class GatewayDrain(ConversationRegistry registry, IOptions<GatewayOptions> options, ILogger<GatewayDrain> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _deadline = new();

    /// <summary>Cancelled when open conversations must close.</summary>
    public CancellationToken Deadline => _deadline.Token;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var empty = registry.DrainAsync();
        if (!empty.IsCompleted)
        {
            LogDraining(logger, registry.ActiveCount, options.Value.DrainTimeout);
            await empty.WaitAsync(options.Value.DrainTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _deadline.CancelAsync();
        if (!empty.IsCompleted)
        {
            LogClosing(logger, registry.ActiveCount);
            // The host's shutdown timeout (raised above the drain timeout) bounds this wait.
            await empty.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _deadline.Dispose();

    [LoggerMessage(EventId = 130, EventName = "Draining", Level = LogLevel.Information,
        Message = "Shutting down: refusing new conversations; waiting up to {Timeout} for {Count} open ones")]
    private static partial void LogDraining(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 131, EventName = "ClosingConversations", Level = LogLevel.Information,
        Message = "Drain deadline: closing {Count} open conversations with 1001 after their results")]
    private static partial void LogClosing(ILogger logger, int count);
}
