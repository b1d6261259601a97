using System.Net.WebSockets;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    private static readonly ReadOnlyMemory<byte> FlushMessage = """{"type":"flush"}"""u8.ToArray();
    private static readonly ReadOnlyMemory<byte> SilenceChunk = new byte[StreamingWavHeader.BytesPerSecond / 10];

    /// <summary>
    /// Sends 16 kHz mono 16-bit little-endian PCM as one binary message. The 44-byte WAV header goes first,
    /// by itself, before the first audio. 100 ms per call (3200 bytes) is the customary chunk.
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
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _completeStarted) != 0 || _socket.State != WebSocketState.Open)
            {
                throw new InvalidOperationException("The session no longer accepts messages: it was completed, closed by the server, or the connection was lost.");
            }

            await _socket.SendAsync(FlushMessage, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Ends the input: streams <see cref="SpeechTranslationOptions.TrailingSilence"/> of zeros so the server's
    /// silence detection closes the last utterance, sends Close 1000, and waits for the server's Close while
    /// the receive loop keeps reading, so results the server sends in between still reach
    /// <see cref="ReadEventsAsync"/> (keep reading it). After <see cref="SpeechTranslationOptions.CloseTimeout"/>
    /// without the server's Close the connection is aborted. Safe to call more than once.
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

        try
        {
            await _receiveLoop.WaitAsync(_options.CloseTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.CloseTimedOut(_logger, _options.CloseTimeout);
            AbortBecause($"The server did not close the session within {_options.CloseTimeout.TotalSeconds:0.#} s of the client's Close.");
            await _receiveLoop.ConfigureAwait(false);
        }

        return _closed;
    }

    /// <summary>Sends one audio message (after the header, once). False when the session has ended, in which
    /// case the receive side reports why.</summary>
    internal async Task<bool> TrySendAudioAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                return false;
            }

            if (!_headerSent)
            {
                await _socket.SendAsync(StreamingWavHeader.Bytes, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
                _headerSent = true;
            }

            if (!pcm.IsEmpty)
            {
                await _socket.SendAsync(pcm, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (WebSocketException) when (_socket.State != WebSocketState.Open)
        {
            // The server closed or the connection dropped between the check and the send.
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendCloseAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                // CloseOutputAsync, not CloseAsync: it returns at once and leaves the receive loop reading
                // the results the server still sends before its own Close.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (WebSocketException) when (_socket.State != WebSocketState.Open)
        {
            // Closed from the other side meanwhile; the receive loop has the status.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
