using System.Net.WebSockets;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    private static readonly ReadOnlyMemory<byte> FlushMessage = """{"type":"flush"}"""u8.ToArray();
    private static readonly ReadOnlyMemory<byte> SilenceChunk = new byte[StreamingWavHeader.BytesPerSecond / 10];

    /// <summary>
    /// Sends 16 kHz mono 16-bit little-endian PCM as one binary message. The 44-byte WAV header goes first,
    /// by itself, before the first audio. 100 ms per call (3200 bytes) is the customary chunk. While a dropped
    /// connection is being resumed (<see cref="SpeechTranslationOptions.AutoReconnect"/>) it waits, then sends
    /// on the new connection.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session is completed or closed; <see cref="ReadEventsAsync"/> says why.</exception>
    public async Task SendAudioAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _completeStarted) != 0 || !await TrySendAudioAsync(pcm, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The session no longer accepts audio: it was completed, closed by the server, or the connection was lost (ReadEventsAsync says which).");
        }
    }

    /// <summary>Asks the server to finalise the current utterance now (SpeechCluster extension: the text
    /// message <c>{"type":"flush"}</c>). Servers without the extension may close the session on it.</summary>
    /// <exception cref="InvalidOperationException">The session is completed or closed.</exception>
    public async Task SendFlushAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _completeStarted) != 0
            || !await TrySendAsync((connection, token) => connection.Socket.SendAsync(FlushMessage, WebSocketMessageType.Text, true, token), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The session no longer accepts messages: it was completed, closed by the server, or the connection was lost.");
        }
    }

    /// <summary>
    /// Ends the input: streams <see cref="SpeechTranslationOptions.TrailingSilence"/> of zeros so the server's
    /// silence detection closes the last utterance, sends Close 1000, and waits for the server's Close while
    /// the receive loop keeps reading, so results the server sends in between still reach
    /// <see cref="ReadEventsAsync"/> (keep reading it). After <see cref="SpeechTranslationOptions.CloseTimeout"/>
    /// without the server's Close the connection is aborted (time spent resuming a dropped connection does not
    /// count). Safe to call more than once.
    /// </summary>
    /// <returns>The server's Close; null when the connection was lost or aborted instead.</returns>
    public async Task<SessionClosed?> CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _completeStarted, 1) == 0)
        {
            var chunks = (int)Math.Ceiling(_options.TrailingSilence / TimeSpan.FromMilliseconds(100));
            var sent = 0;
            while (sent < chunks && await TrySendAudioAsync(SilenceChunk, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }

            await SendCloseAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var waitingOn = _connection;
            try
            {
                await _receiveLoop.WaitAsync(_options.CloseTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                return _closed;
            }
            catch (TimeoutException) when (_reconnecting || _connection != waitingOn)
            {
                // Resuming, or resumed meanwhile: the new connection gets its own close timeout.
            }
            catch (TimeoutException)
            {
                Log.CloseTimedOut(_logger, _options.CloseTimeout);
                AbortBecause($"The server did not close the session within {_options.CloseTimeout.TotalSeconds:0.#} s of the client's Close.");
                await _receiveLoop.ConfigureAwait(false);
                return _closed;
            }
        }
    }

    /// <summary>Sends one audio message (after the header, once per connection). False when the session has
    /// ended, in which case the receive side reports why.</summary>
    internal Task<bool> TrySendAudioAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken) =>
        TrySendAsync(
            async (connection, token) =>
            {
                if (!connection.HeaderSent)
                {
                    await connection.Socket.SendAsync(StreamingWavHeader.Bytes, WebSocketMessageType.Binary, true, token).ConfigureAwait(false);
                    connection.HeaderSent = true;
                }

                if (!pcm.IsEmpty)
                {
                    await connection.Socket.SendAsync(pcm, WebSocketMessageType.Binary, true, token).ConfigureAwait(false);
                }
            },
            cancellationToken);

    /// <summary>
    /// Sends on the current connection, under the send lock. When that connection has dropped and the session
    /// is resumed, sends again on the new one: the message may then reach the server twice (if the old
    /// connection delivered it) but is not lost. False when the session has ended.
    /// </summary>
    private async Task<bool> TrySendAsync(Func<SessionConnection, CancellationToken, ValueTask> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (sent, dropped) = await SendOnCurrentAsync(send, cancellationToken).ConfigureAwait(false);
            if (dropped is null)
            {
                return sent;
            }

            if (!CanResume || await dropped.Successor.Task.WaitAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }
    }

    /// <summary>One attempt under the send lock: sent; refused because a Close went one way or the other (the
    /// session takes no more); or the connection it was tried on has dropped, to be waited on for a successor.</summary>
    private async Task<(bool Sent, SessionConnection? Dropped)> SendOnCurrentAsync(
        Func<SessionConnection, CancellationToken, ValueTask> send, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var connection = _connection;
        try
        {
            switch (connection.Socket.State)
            {
                case WebSocketState.Open:
                    await send(connection, cancellationToken).ConfigureAwait(false);
                    return (true, null);
                case WebSocketState.CloseSent or WebSocketState.CloseReceived or WebSocketState.Closed:
                    return (false, null);
                default:
                    // Aborted: the receive loop found the connection dropped and is resuming or ending the session.
                    return (false, connection);
            }
        }
        catch (Exception ex) when (IsConnectionGone(ex, cancellationToken))
        {
            // The receive loop finds the same dead socket and resumes or ends the session.
            return (false, connection);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Whether a send failed because its connection is gone rather than because the caller cancelled. The socket's
    /// state cannot tell: a write into a reset connection throws (WebSocketException over the socket error) while
    /// State still says Open until the receive side fails too, and once it has, or once the connection was
    /// aborted for resuming, the same write surfaces as an OperationCanceledException wrapping the socket error.
    /// </summary>
    private static bool IsConnectionGone(Exception ex, CancellationToken cancellationToken) =>
        ex is WebSocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested;

    /// <summary>Whether a dropped connection may be followed by another (the receive loop decides for sure).</summary>
    private bool CanResume => _options.AutoReconnect && ConversationId is not null;

    private async Task SendCloseAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection.Socket.State == WebSocketState.Open)
            {
                // CloseOutputAsync, not CloseAsync: it returns at once and leaves the receive loop reading
                // the results the server still sends before its own Close.
                await _connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsConnectionGone(ex, cancellationToken))
        {
            // Closed from the other side meanwhile, or dropped: a resumed connection gets the Close from
            // SwitchToAsync (_completeStarted is set), and otherwise the receive loop reports the loss.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
