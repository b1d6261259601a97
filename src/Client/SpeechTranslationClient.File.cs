using System.Runtime.CompilerServices;

namespace SpeechCluster.Client;

public sealed partial class SpeechTranslationClient
{
    /// <summary>
    /// Streams a WAV file (any PCM or float rate and channel count; converted to 16 kHz mono) in
    /// <see cref="FileStreamingOptions.ChunkDuration"/> messages, then completes the session
    /// (<see cref="CompleteAsync"/>: trailing silence and the close handshake) while yielding the server's events
    /// as they arrive, up to and including <see cref="SessionClosed"/>. The file is opened before the first
    /// event is awaited, so a missing or unreadable file fails the first <c>MoveNextAsync</c>.
    /// </summary>
    /// <param name="path">The WAV file.</param>
    /// <param name="streaming">Pacing. Default: real time, 100 ms chunks.</param>
    /// <param name="progress">Told after every chunk how much audio has been sent; called on the sending task.</param>
    /// <param name="cancellationToken">Stops both the sending and the enumeration; the session stays open.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a WAV file, or not PCM/float.</exception>
    public async IAsyncEnumerable<TranslationEvent> TranslateFileAsync(
        string path,
        FileStreamingOptions? streaming = null,
        IProgress<FileStreamingProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        streaming ??= new FileStreamingOptions();
        streaming.Validate();
        using var source = WavPcmSource.Open(path);
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = StreamAsync(source, streaming, progress, stopSending.Token);
        var events = ReadEventsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                TranslationEvent item;
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = events.Current;
                }
                catch (SpeechTranslationConnectionLostException)
                {
                    // When sending failed, that failure (e.g. a corrupt file) explains the aborted connection better.
                    await sending.ConfigureAwait(false);
                    throw;
                }

                yield return item;
            }

            await sending.ConfigureAwait(false);
        }
        finally
        {
            // The consumer may stop early: stop sending too, and observe the sender so its end is not unobserved.
            await stopSending.CancelAsync().ConfigureAwait(false);
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StreamAsync(WavPcmSource source, FileStreamingOptions streaming, IProgress<FileStreamingProgress>? progress, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var chunk = new byte[(int)(streaming.ChunkDuration.TotalMilliseconds * StreamingWavHeader.BytesPerSecond / 1000) & ~1];
        var started = time.GetTimestamp();
        long sentBytes = 0;
        try
        {
            for (var index = 0L; ; index++)
            {
                var count = source.Read(chunk);
                if (count == 0)
                {
                    break;
                }

                if (!streaming.Fast)
                {
                    // Chunk n is due at n chunk durations (divided by the speed) after the start: no drift.
                    var due = TimeSpan.FromTicks((long)(streaming.ChunkDuration.Ticks * index / streaming.Speed));
                    var wait = due - time.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (!await TrySendAudioAsync(chunk.AsMemory(0, count), cancellationToken).ConfigureAwait(false))
                {
                    // The server ended the session early; the events say how.
                    return;
                }

                sentBytes += count;
                progress?.Report(new FileStreamingProgress(TimeSpan.FromSeconds(sentBytes / (double)StreamingWavHeader.BytesPerSecond), source.Duration));
            }

            await CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Without more audio or a Close the server would wait: end the session so the reader ends too. Only
            // the caller's cancellation leaves the session open: a cancelled operation can also come from the
            // socket (aborted under a send), and taking that one for the caller's left a resumed session unended.
            AbortBecause($"Streaming the file failed: {ex.Message}");
            throw;
        }
    }
}
