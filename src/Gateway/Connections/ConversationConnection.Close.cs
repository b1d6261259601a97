using System.Diagnostics;
using System.Net.WebSockets;

namespace SpeechCluster.Gateway.Connections;

/// <summary>The end of a conversation: waiting for owed results, and the close handshake.</summary>
internal sealed partial class ConversationConnection
{
    // A receive left waiting when the receive loop stopped for the drain deadline or an overload:
    // cancelling it would abort the socket, and with it the close frame the client is owed.
    private Task<ValueWebSocketReceiveResult>? _pendingReceive;

    /// <summary>The next frame; gives up waiting (leaving the receive pending) when told to stop receiving.</summary>
    private async ValueTask<ValueWebSocketReceiveResult> ReceiveOneAsync(Memory<byte> buffer, CancellationToken aborted)
    {
        var receive = socket.ReceiveAsync(buffer, aborted);
        if (receive.IsCompleted)
        {
            return receive.Result;
        }

        var pending = receive.AsTask();
        try
        {
            return await pending.WaitAsync(_stopReceiving.Token);
        }
        catch (OperationCanceledException) when (_stopReceiving.IsCancellationRequested && !pending.IsCompleted)
        {
            _pendingReceive = pending;
            throw;
        }
    }

    /// <summary>
    /// After the client's Close (or the drain deadline): results go out for as long as they keep
    /// coming, so that a session catching up after a silo loss finishes; the wait ends when the
    /// stream does, or after <see cref="Hosting.GatewayOptions.CloseTimeout"/> without a result.
    /// </summary>
    private async Task DrainAsync(CancellationToken aborted)
    {
        Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
        while (!_sendLoop.IsCompleted && !aborted.IsCancellationRequested)
        {
            var quiet = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastSent));
            if (quiet >= options.CloseTimeout)
            {
                return;
            }

            await _sendLoop.WaitAsync(options.CloseTimeout - quiet, aborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task CloseAsync(CloseOutcome outcome)
    {
        var reason = outcome.Reason.Length > 120 ? outcome.Reason[..120] : outcome.Reason;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(outcome.Status, reason, timeout.Token);
            }
            else if (socket.State == WebSocketState.Open && _pendingReceive is { } pending)
            {
                // A receive is already waiting: send our close, then let that receive see the reply.
                await socket.CloseOutputAsync(outcome.Status, reason, timeout.Token);
                await AwaitClientCloseAsync(pending, timeout.Token);
            }
            else if (socket.State == WebSocketState.Open)
            {
                // Wait for the client's reply so that it reads our reason before the TCP connection goes.
                await socket.CloseAsync(outcome.Status, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Log.CloseFailed(logger, tenant, ex.Message);
        }
    }

    /// <summary>Reads (and drops) what the client still sends until its Close arrives.</summary>
    private async Task AwaitClientCloseAsync(Task<ValueWebSocketReceiveResult> pending, CancellationToken timeout)
    {
        var received = await pending.WaitAsync(timeout);
        var scratch = new byte[4096];
        while (received.MessageType != WebSocketMessageType.Close)
        {
            received = await socket.ReceiveAsync(scratch.AsMemory(), timeout);
        }
    }
}
