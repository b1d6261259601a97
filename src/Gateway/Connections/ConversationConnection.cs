using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SpeechCluster.Engines.Audio;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Metering;
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
    UsageMeter usage,
    ILogger logger)
{
    private readonly WavStreamParser _parser = new();
    private readonly ArrayBufferWriter<short> _samples = new(16 * 1024);
    private readonly CancellationTokenSource _stopSending = new();
    private readonly AudioPacer _pacer = new(options.MaxAudioAhead, TimeProvider.System);
    private Task _sendLoop = Task.CompletedTask;
    private long _lastSent = Stopwatch.GetTimestamp();
    // Cancelled at the drain deadline, or when the send loop finds the cluster overloaded: the
    // receive loop stops waiting for the client (without aborting the socket) and the close follows.
    private readonly CancellationTokenSource _stopReceiving = new();
    private volatile bool _overloaded;
    // Re-armed at every message (a timer change, no allocation); when it fires, the receive loop stops as at the drain deadline.
    private readonly CancellationTokenSource _idle = new();
    private readonly CancellationTokenSource _tooLong = new(options.MaxConversationDuration);
    private CloseOutcome? _timedOut;

    /// <param name="aborted">The connection is gone.</param>
    /// <param name="stopping">The gateway's drain deadline passed: finish what was said, send its results, close with 1001.</param>
    /// <returns>How the conversation ended.</returns>
    public async Task<CloseOutcome> RunAsync(CancellationToken aborted, CancellationToken stopping)
    {
        var drained = stopping.Register(static s => ((CancellationTokenSource)s!).Cancel(), _stopReceiving);
        var idle = _idle.Token.Register(() => StopReceiving(CloseOutcome.Idle(options.IdleTimeout)));
        var tooLong = _tooLong.Token.Register(() => StopReceiving(CloseOutcome.MaxDuration(options.MaxConversationDuration)));
        if (session.Started)
        {
            // A resumed conversation: what the client missed goes out before any new audio comes in.
            _sendLoop = SendLoopAsync(_stopSending.Token);
        }

        var outcome = await ReceiveAsync(aborted, stopping);
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
            await usage.FlushAsync();
            if (session.Started && outcome.Resumable)
            {
                await session.DetachAsync(options.ResumeWindow);
            }
            else if (session.Started)
            {
                await session.AbandonAsync();
            }

            // Unregistered first: the deadline must not cancel a disposed source.
            await drained.DisposeAsync();
            await idle.DisposeAsync();
            await tooLong.DisposeAsync();
            _stopSending.Dispose();
            _stopReceiving.Dispose();
            _idle.Dispose();
            _tooLong.Dispose();
        }
    }

    private async Task<CloseOutcome> ReceiveAsync(CancellationToken aborted, CancellationToken stopping)
    {
        try
        {
            return await ReceiveLoopAsync(aborted);
        }
        catch (OperationCanceledException) when (_overloaded && !aborted.IsCancellationRequested)
        {
            return CloseOutcome.Overloaded;
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _timedOut) is { } timedOut && !stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return timedOut;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return CloseOutcome.ServerStopping;
        }
        catch (WebSocketException ex) when (ex.WebSocketErrorCode == WebSocketError.Faulted)
        {
            return CloseOutcome.ProtocolViolation;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            return CloseOutcome.Dropped;
        }
        catch (Exception ex) when (ClusterOverload.Is(ex))
        {
            Log.ClusterOverloaded(logger, tenant);
            return CloseOutcome.Overloaded;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            Log.SessionFailed(logger, tenant, ex);
            return CloseOutcome.InternalError("internal error");
        }
    }

    private async Task<CloseOutcome> ReceiveLoopAsync(CancellationToken aborted)
    {
        var buffer = new byte[16 * 1024];
        var text = new ArrayBufferWriter<byte>(64);
        long messageBytes = 0;
        while (true)
        {
            _idle.CancelAfter(options.IdleTimeout);
            var received = await ReceiveOneAsync(buffer, aborted);
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
            await usage.AddAudioAsync(chunk.Length, _parser.Format!.SampleRate);
            if (_pacer.Received(chunk.Length, _parser.Format!.SampleRate) is { Ticks: > 0 } wait)
            {
                GatewayMetrics.AudioThrottled.Add(wait.TotalSeconds);
                await Task.Delay(wait, _stopReceiving.Token);
            }
        }

        return null;
    }

    private void StopReceiving(CloseOutcome why)
    {
        Interlocked.CompareExchange(ref _timedOut, why, null);
        _stopReceiving.Cancel();
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
        try
        {
            await SendResultsAsync(cancellation);
        }
        catch (Exception ex) when (ClusterOverload.Is(ex))
        {
            // The results cannot be read: the conversation cannot go on either.
            Log.ClusterOverloaded(logger, tenant);
            _overloaded = true;
            await _stopReceiving.CancelAsync();
        }
    }

    private async Task SendResultsAsync(CancellationToken cancellation)
    {
        var json = new ArrayBufferWriter<byte>(1024);
        using var writer = ResultMessages.CreateWriter(json);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        TranscriptEvent? lastFinal = null;
        await foreach (var result in session.ReadEventsAsync(cancellation))
        {
            switch (result)
            {
                case TranscriptEvent transcript:
                    json.ResetWrittenCount();
                    ResultMessages.Write(writer, transcript, request);
                    await SendWithinTimeoutAsync(json.WrittenMemory, WebSocketMessageType.Text, stall, cancellation);
                    if (transcript.IsFinal)
                    {
                        lastFinal = transcript;
                        await usage.AddCharactersAsync(TranslatedCharacters(transcript), synthesized: 0);
                    }

                    break;
                case SpeechAudioEvent audio:
                    await SendWithinTimeoutAsync(audio.Audio, WebSocketMessageType.Binary, stall, cancellation);
                    await usage.AddCharactersAsync(translated: 0, SpokenCharacters(lastFinal, audio));
                    break;
            }
        }
    }

    /// <summary>Characters of a final's translations, the spoken language's own text left out (it is not translated).</summary>
    private long TranslatedCharacters(TranscriptEvent final)
    {
        long characters = 0;
        // With detection, the language spoken is the final's own.
        var spoken = request.Candidates.FirstOrDefault(c => c.Locale.Equals(final.Language, StringComparison.OrdinalIgnoreCase))?.Language ?? request.SourceLanguage;
        for (var i = 0; i < final.Translations.Count && i < request.Targets.Count; i++)
        {
            if (!request.Targets[i].Equals(spoken, StringComparison.OrdinalIgnoreCase))
            {
                characters += final.Translations[i].Length;
            }
        }

        return characters;
    }

    /// <summary>Characters spoken: the translation the audio speaks (audio follows its final).</summary>
    private long SpokenCharacters(TranscriptEvent? final, SpeechAudioEvent audio)
    {
        if (final is null || final.UtteranceId != audio.UtteranceId)
        {
            return 0;
        }

        for (var i = 0; i < final.Translations.Count && i < request.Targets.Count; i++)
        {
            if (request.Targets[i].Equals(audio.Language, StringComparison.OrdinalIgnoreCase))
            {
                return final.Translations[i].Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// One result to the client. A client that stops reading would otherwise make its results pile
    /// up in the session without bound: after <see cref="GatewayOptions.SendTimeout"/> the send is
    /// cancelled, which aborts the connection (no close frame can reach a client whose buffers are full).
    /// </summary>
    private async ValueTask SendWithinTimeoutAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationTokenSource stall, CancellationToken cancellation)
    {
        stall.CancelAfter(options.SendTimeout);
        try
        {
            await socket.SendAsync(data, type, endOfMessage: true, stall.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            Log.ClientNotReading(logger, tenant, options.SendTimeout);
            throw;
        }

        stall.CancelAfter(Timeout.InfiniteTimeSpan);
        Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
    }
}
