using System.Globalization;
using System.Net.WebSockets;
using Polly;
using Polly.Timeout;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    private ResiliencePipeline? _reconnectPolicy;

    /// <summary>
    /// A lost connection is resumed when the caller wants it, the server offered it (X-ConversationId), the
    /// finals so far can name where to continue, the client did not end the connection itself (dispose, an
    /// abort for a reason), and it was a drop rather than a protocol error (<see cref="ReconnectPolicy.IsDrop"/>).
    /// </summary>
    private bool ShouldResume(Exception failure, ResumePoint delivered, CancellationToken token) =>
        _options.AutoReconnect && ConversationId is not null && delivered.CanResume
        && _abortReason is null && !token.IsCancellationRequested && ReconnectPolicy.IsDrop(failure);

    /// <summary>
    /// Connects again with <c>conversation</c> and <c>resumeFrom</c> and makes the new connection the current
    /// one; the receive loop then reads on, where the server first sends what the caller missed.
    /// </summary>
    /// <exception cref="SpeechTranslationConnectionLostException">Every attempt failed, the budget ran out, or
    /// the server refused (404: the conversation expired).</exception>
    private async Task ResumeAsync(SessionConnection lost, Exception failure, ResumePoint delivered, CancellationToken token)
    {
        _reconnecting = true;
        // A sender blocked on the dead socket fails now rather than when the system gives up on it.
        lost.Socket.Abort();
        var resumeFrom = delivered.LastFinal.ToString(CultureInfo.InvariantCulture);
        Log.Reconnecting(_logger, resumeFrom, failure);
        await _events.Writer.WriteAsync(new Reconnecting(failure.Message, delivered.LastFinal), token).ConfigureAwait(false);

        var uri = TranslateUri.ForSession(_options, ConversationId, resumeFrom);
        _reconnectPolicy ??= ReconnectPolicy.Build(_options, retry =>
        {
            Log.ReconnectAttemptFailed(_logger, retry.AttemptNumber + 1, retry.RetryDelay, retry.Outcome.Exception);
            return ValueTask.CompletedTask;
        });
        var attempts = 0;
        SessionConnection next;
        try
        {
            next = await _reconnectPolicy.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    return await SessionConnection.OpenAsync(_options, uri, ct).ConfigureAwait(false);
                },
                token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SpeechTranslationException or TimeoutRejectedException)
        {
            _reconnecting = false;
            throw new SpeechTranslationConnectionLostException(
                $"The connection to the server was lost and the session could not be resumed ({attempts} attempt(s)): {ex.Message}", ex);
        }

        await SwitchToAsync(lost, next, token).ConfigureAwait(false);
        delivered.Resumed();
        Log.Reconnected(_logger, attempts, next.RequestId);
        await _events.Writer.WriteAsync(new Reconnected(attempts, next.RequestId), token).ConfigureAwait(false);
    }

    /// <summary>Makes <paramref name="next"/> the current connection unless the session was aborted meanwhile.</summary>
    /// <exception cref="SpeechTranslationConnectionLostException">Aborted meanwhile (close timeout, failed file
    /// streaming): the session is over after all.</exception>
    private void Publish(SessionConnection next)
    {
        lock (_switchGate)
        {
            if (_abortReason is { } reason)
            {
                next.Dispose();
                throw new SpeechTranslationConnectionLostException(reason);
            }

            _connection = next;
        }
    }

    /// <summary>Makes <paramref name="next"/> the connection senders use, and wakes those waiting on <paramref name="lost"/>.</summary>
    private async Task SwitchToAsync(SessionConnection lost, SessionConnection next, CancellationToken token)
    {
        await _sendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            Publish(next);
            _requestId = next.RequestId;
            lost.Dispose();
            if (Volatile.Read(ref _completeStarted) != 0)
            {
                // The caller had finished: the server finalised what it had when the old connection dropped, so
                // the Close goes at once and the server answers it after the results still owed.
                try
                {
                    await next.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsConnectionGone(ex, token))
                {
                    // Dropped again already, or aborted: the receive loop finds out and resumes once more or ends.
                }
            }
        }
        finally
        {
            _reconnecting = false;
            _sendLock.Release();
        }

        lost.Successor.TrySetResult(next);
    }
}
