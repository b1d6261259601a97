using SpeechCluster.Engines.Recognition;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

/// <summary>
/// One utterance's recognition: holds a leased decoder between calls so partials are incremental.
/// Decoding runs off the grain scheduler; the grain is not reentrant, so the stream sees one call at a
/// time (<see cref="CancelAsync"/> alone interleaves, and never touches a stream in use).
/// </summary>
[RequiresEngine(EngineNames.Asr)]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class RecognitionGrain(RecognizerDirectory recognizers) : Grain, IRecognitionGrain
{
    private IRecognitionStream? _stream;
    // Samples this activation has decoded. A silo that stops gracefully deactivates its grains, and
    // the next call makes a fresh activation elsewhere that would otherwise decode the rest of the
    // utterance as if it were all of it.
    private long _heard;
    // CancelAsync runs between the turns of a call in progress: it stops a wait for a decoder, and a
    // decode already running gives its decoder back when it ends. Every later call answers null.
    private readonly CancellationTokenSource _cancelled = new();
    private bool _decoding;

    public async Task<RecognitionHypothesis?> AcceptAsync(string locale, long heard, short[] samples)
    {
        if (heard != _heard || _cancelled.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            // Off the grain scheduler: with no spare decoder, opening loads one (a second or more of CPU).
            _stream ??= await Task.Run(() => recognizers.For(locale).OpenStreamAsync(_cancelled.Token).AsTask());
        }
        catch (OperationCanceledException) when (_cancelled.IsCancellationRequested)
        {
            return null;
        }

        var stream = _stream;
        RecognitionHypothesis hypothesis;
        _decoding = true;
        try
        {
            // A cancel that came while the decoder was being handed over is seen here, before decoding.
            hypothesis = _cancelled.IsCancellationRequested
                ? new RecognitionHypothesis("")
                : await Task.Run(() => new RecognitionHypothesis(stream.AcceptAudio(samples), stream.Language));
        }
        finally
        {
            _decoding = false;
        }

        if (_cancelled.IsCancellationRequested)
        {
            await ReleaseAsync();
            return null;
        }

        _heard += samples.Length;
        return hypothesis;
    }

    public async Task<RecognitionOutcome?> FinishAsync(long heard)
    {
        if (heard != _heard || _cancelled.IsCancellationRequested)
        {
            return null;
        }

        if (_stream is not { } stream)
        {
            return new RecognitionOutcome("", []);
        }

        _stream = null;
        DeactivateOnIdle();
        // Finishing and disposing may wait for the decoder's background work: both stay off the scheduler.
        var result = await Task.Run(() =>
        {
            using (stream)
            {
                return stream.Finish();
            }
        });
        return new RecognitionOutcome(result.Text, result.Words.Select(w => new WordTiming(w.Word, w.Offset, w.Duration)).ToArray(), result.Language);
    }

    public async Task CancelAsync()
    {
        await _cancelled.CancelAsync();
        if (!_decoding)
        {
            await ReleaseAsync();
        }

        DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stream?.Dispose();
        _stream = null;
        _cancelled.Dispose();
        return Task.CompletedTask;
    }

    private async Task ReleaseAsync()
    {
        if (_stream is { } stream)
        {
            _stream = null;
            await Task.Run(stream.Dispose);
        }
    }
}
