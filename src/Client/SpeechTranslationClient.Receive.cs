using System.Buffers;
using System.Net.WebSockets;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    /// <summary>
    /// Everything the server sends, in order, ending with <see cref="SessionClosed"/> when the server closes.
    /// With <see cref="SpeechTranslationOptions.AutoReconnect"/> a drop shows as <see cref="Reconnecting"/> and
    /// <see cref="Reconnected"/> in between, and the stream goes on without repeats.
    /// One enumeration at a time; cancelling it stops the enumeration, not the session.
    /// </summary>
    /// <exception cref="SpeechTranslationConnectionLostException">The connection ended without a Close from the
    /// server and could not be resumed, or was aborted (close timeout, failed file streaming).</exception>
    public IAsyncEnumerable<TranslationEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    private async Task ReceiveLoopAsync()
    {
        var token = _lifetime.Token;
        var delivered = new ResumePoint();
        var speaker = new SegmentLabeller(_targets);
        Exception? failure = null;
        try
        {
            while (true)
            {
                var connection = _connection;
                try
                {
                    await ReceiveUntilCloseAsync(connection, delivered, speaker, token).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ShouldResume(ex, delivered, token))
                {
                    await ResumeAsync(connection, ex, delivered, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed: the reader just sees the end.
        }
        catch (Exception ex)
        {
            // Loop boundary: whatever ended the loop is handed to the reader rather than lost with this task.
            var reason = _abortReason ?? "The connection to the server was lost without a Close.";
            Log.ConnectionLost(_logger, reason, ex);
            failure = ex is WebSocketException or OperationCanceledException or ObjectDisposedException
                ? new SpeechTranslationConnectionLostException(reason, ex)
                : ex;
        }
        finally
        {
            // Senders waiting for a new connection learn there is none.
            _connection.Successor.TrySetResult(null);
            _events.Writer.TryComplete(failure);
        }
    }

    /// <summary>Reads one connection until the server's Close (returns) or its loss (throws).</summary>
    private async Task ReceiveUntilCloseAsync(SessionConnection connection, ResumePoint delivered, SegmentLabeller speaker, CancellationToken token)
    {
        var socket = connection.Socket;
        var buffer = new byte[16 * 1024];
        // Per connection: a message cut off by a drop is not continued by the next connection.
        var message = new ArrayBufferWriter<byte>(buffer.Length);
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), token).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                var closed = new SessionClosed(socket.CloseStatus, socket.CloseStatusDescription);
                Log.ServerClosed(_logger, closed.ToString());
                _closed = closed;
                await AnswerCloseAsync(socket, token).ConfigureAwait(false);
                await _events.Writer.WriteAsync(closed, token).ConfigureAwait(false);
                return;
            }

            if (message.WrittenCount + received.Count > _options.MaxMessageBytes)
            {
                AbortBecause($"The server sent a message larger than {_options.MaxMessageBytes} bytes.");
                continue;
            }

            message.Write(buffer.AsSpan(0, received.Count));
            if (!received.EndOfMessage)
            {
                continue;
            }

            var item = received.MessageType == WebSocketMessageType.Text
                ? TranslationMessageParser.Parse(message.WrittenSpan)
                : speaker.Label(message.WrittenSpan.ToArray());
            message.ResetWrittenCount();
            if (!delivered.Admit(item))
            {
                // Replayed by a resumed connection, and given to the caller before the drop.
                continue;
            }

            speaker.Observe(item);
            if (item is UnrecognizedMessage unrecognized)
            {
                Log.UnrecognizedMessage(_logger, unrecognized.Text.Length);
            }

            await _events.Writer.WriteAsync(item, token).ConfigureAwait(false);
        }
    }

    /// <summary>The server started the close: answer it so the handshake completes.</summary>
    private async Task AnswerCloseAsync(ClientWebSocket socket, CancellationToken token)
    {
        if (socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        // A sender blocked on a full socket holds the lock; do not wait on it for ever.
        if (!await _sendLock.WaitAsync(_options.CloseTimeout, token).ConfigureAwait(false))
        {
            socket.Abort();
            return;
        }

        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                var status = socket.CloseStatus is { } s && s != WebSocketCloseStatus.Empty ? s : WebSocketCloseStatus.NormalClosure;
                await socket.CloseOutputAsync(status, null, token).ConfigureAwait(false);
            }
        }
        catch (WebSocketException ex)
        {
            // The server went away right after its Close; its status is what counts.
            Log.CloseAnswerFailed(_logger, ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
