using System.Buffers;
using System.Net.WebSockets;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    /// <summary>
    /// Everything the server sends, in order, ending with <see cref="SessionClosed"/> when the server closes.
    /// One enumeration at a time; cancelling it stops the enumeration, not the session.
    /// </summary>
    /// <exception cref="SpeechTranslationConnectionLostException">The connection ended without a Close from the
    /// server, or was aborted (close timeout, failed file streaming).</exception>
    public IAsyncEnumerable<TranslationEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    private async Task ReceiveLoopAsync()
    {
        var token = _lifetime.Token;
        var buffer = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>(buffer.Length);
        var speaker = new SegmentLabeller(_targets);
        Exception? failure = null;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    var closed = new SessionClosed(_socket.CloseStatus, _socket.CloseStatusDescription);
                    Log.ServerClosed(_logger, closed.ToString());
                    _closed = closed;
                    await AnswerCloseAsync(token).ConfigureAwait(false);
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
                speaker.Observe(item);
                if (item is UnrecognizedMessage unrecognized)
                {
                    Log.UnrecognizedMessage(_logger, unrecognized.Text.Length);
                }

                await _events.Writer.WriteAsync(item, token).ConfigureAwait(false);
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
            _events.Writer.TryComplete(failure);
        }
    }

    /// <summary>The server started the close: answer it so the handshake completes.</summary>
    private async Task AnswerCloseAsync(CancellationToken token)
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        // A sender blocked on a full socket holds the lock; do not wait on it for ever.
        if (!await _sendLock.WaitAsync(_options.CloseTimeout, token).ConfigureAwait(false))
        {
            _socket.Abort();
            return;
        }

        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                var status = _socket.CloseStatus is { } s && s != WebSocketCloseStatus.Empty ? s : WebSocketCloseStatus.NormalClosure;
                await _socket.CloseOutputAsync(status, null, token).ConfigureAwait(false);
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
