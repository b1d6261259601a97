using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SpeechCluster.Engines.Audio;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Gateway.Sessions;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Connections;

/// <summary>
/// One client WebSocket: a receive loop (WAV header, PCM, the flush message) feeding the session
/// grain, and a send loop writing the session's results back. Only the send loop sends data; the
/// close frame is sent after both loops are done. Owns nothing the session grain needs to survive.
/// </summary>
internal sealed partial class ConversationConnection(
    WebSocket socket,
    TranslateRequest request,
    string tenant,
    SessionLink session,
    GatewayOptions options,
    ILogger logger)
{
    private readonly WavStreamParser _parser = new();
    private readonly ArrayBufferWriter<short> _samples = new(16 * 1024);
    private readonly CancellationTokenSource _stopSending = new();
    private Task _sendLoop = Task.CompletedTask;
    private long _lastSent = Stopwatch.GetTimestamp();

    /// <returns>How the conversation ended.</returns>
    public async Task<CloseOutcome> RunAsync(CancellationToken aborted, CancellationToken stopping)
    {
        if (session.Started)
        {
            // A resumed conversation: what the client missed goes out before any new audio comes in.
            _sendLoop = SendLoopAsync(_stopSending.Token);
        }

        using var receiveCancel = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var outcome = await ReceiveAsync(receiveCancel.Token, aborted, stopping);
        try
        {
            if (session.Started && outcome.FlushResults)
            {
                await session.CompleteAsync();
                await DrainAsync(aborted);
            }

            await _stopSending.CancelAsync();
            await _sendLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_sendLoop.IsFaulted && !outcome.ClientGone && outcome.FlushResults)
            {
                outcome = CloseOutcome.InternalError("internal error while sending results");
            }

            if (!outcome.ClientGone && !aborted.IsCancellationRequested)
            {
                await CloseAsync(outcome);
            }

            Log.ConversationEnded(logger, tenant, (int)outcome.Status, outcome.Reason);
            return outcome;
        }
        finally
        {
            if (session.Started && outcome.ClientGone)
            {
                await session.DetachAsync(options.ResumeWindow);
            }
            else if (session.Started)
            {
                await session.AbandonAsync();
            }

            _stopSending.Dispose();
        }
    }

    /// <summary>
    /// After the client's Close: results go out for as long as they keep coming, so that a session
    /// catching up after a silo loss finishes; the wait ends when the stream does, or after
    /// <see cref="GatewayOptions.CloseTimeout"/> without a result.
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

    private async Task<CloseOutcome> ReceiveAsync(CancellationToken cancellation, CancellationToken aborted, CancellationToken stopping)
    {
        try
        {
            return await ReceiveLoopAsync(cancellation);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return CloseOutcome.ServerStopping;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            return CloseOutcome.Dropped;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            Log.SessionFailed(logger, tenant, ex);
            return CloseOutcome.InternalError("internal error");
        }
    }

    private async Task<CloseOutcome> ReceiveLoopAsync(CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        var text = new ArrayBufferWriter<byte>(64);
        long messageBytes = 0;
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), cancellation);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return CloseOutcome.ClientClosed;
            }

            messageBytes += received.Count;
            if (messageBytes > options.MaxMessageBytes)
            {
                return CloseOutcome.TooBig(options.MaxMessageBytes);
            }

            CloseOutcome? outcome;
            if (received.MessageType == WebSocketMessageType.Text)
            {
                if (text.WrittenCount + received.Count > options.MaxTextMessageBytes)
                {
                    return CloseOutcome.TooBig(options.MaxTextMessageBytes);
                }

                text.Write(buffer.AsSpan(0, received.Count));
                outcome = received.EndOfMessage ? await OnTextMessageAsync(text) : null;
            }
            else
            {
                outcome = await OnAudioAsync(buffer.AsMemory(0, received.Count));
            }

            if (outcome is not null)
            {
                return outcome;
            }

            if (received.EndOfMessage)
            {
                messageBytes = 0;
            }
        }
    }

    // Called per binary message, and it suspends whenever the grain call does (nearly always): a
    // pooled builder reuses the state machine instead of allocating one per message.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CloseOutcome?> OnAudioAsync(ReadOnlyMemory<byte> data)
    {
        var result = _parser.Feed(data.Span, _samples);
        if (result.Status == WavFeedStatus.Invalid)
        {
            return CloseOutcome.InvalidData(result.Reason ?? "invalid audio");
        }

        if (session.Options is { } resumed && _parser.Format is { } again && _samples.WrittenCount > 0 && again.SampleRate != resumed.InputSampleRate)
        {
            return CloseOutcome.InvalidData($"a resumed conversation must keep its {resumed.InputSampleRate} Hz audio (got {again.SampleRate} Hz)");
        }

        if (!session.Started && _parser.Format is { } format)
        {
            await session.StartAsync(request.ToSessionOptions(tenant, format.SampleRate));
            _sendLoop = SendLoopAsync(_stopSending.Token);
        }

        if (_samples.WrittenCount > 0)
        {
            // A new array: the chunk crosses a grain call, which may keep it.
            var chunk = _samples.WrittenSpan.ToArray();
            _samples.ResetWrittenCount();
            await session.PushAsync(chunk);
        }

        return null;
    }

    private async Task<CloseOutcome?> OnTextMessageAsync(ArrayBufferWriter<byte> text)
    {
        ClientTextMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(text.WrittenSpan, GatewayJsonContext.Default.ClientTextMessage);
        }
        catch (JsonException)
        {
            message = null;
        }

        text.ResetWrittenCount();
        if (!string.Equals(message?.Type, "flush", StringComparison.OrdinalIgnoreCase))
        {
            return CloseOutcome.InvalidData("unknown text message; the only one defined is {\"type\":\"flush\"}");
        }

        if (session.Started)
        {
            await session.FlushAsync();
        }

        return null;
    }

    private async Task SendLoopAsync(CancellationToken cancellation)
    {
        var json = new ArrayBufferWriter<byte>(1024);
        using var writer = ResultMessages.CreateWriter(json);
        await foreach (var result in session.ReadEventsAsync(cancellation))
        {
            switch (result)
            {
                case TranscriptEvent transcript:
                    json.ResetWrittenCount();
                    ResultMessages.Write(writer, transcript, request);
                    await socket.SendAsync(json.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellation);
                    Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
                    break;
                case SpeechAudioEvent audio:
                    await socket.SendAsync(audio.Audio, WebSocketMessageType.Binary, endOfMessage: true, cancellation);
                    Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
                    break;
            }
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
}
