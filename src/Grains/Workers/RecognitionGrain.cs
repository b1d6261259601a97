using SpeechCluster.Engines.Recognition;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

/// <summary>
/// One utterance's recognition: holds a leased decoder between calls so partials are incremental.
/// Decoding runs off the grain scheduler; the grain is not reentrant, so the stream sees one call at a time.
/// </summary>
[RequiresEngine(EngineNames.Asr)]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class RecognitionGrain(ISpeechRecognizer recognizer) : Grain, IRecognitionGrain
{
    private IRecognitionStream? _stream;

    public async Task<string> AcceptAsync(string locale, short[] samples)
    {
        if (!locale.Equals(recognizer.Locale, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"no recognizer for {locale} on this silo");
        }

        var stream = _stream ??= await recognizer.OpenStreamAsync();
        return await Task.Run(() => stream.AcceptAudio(samples));
    }

    public async Task<RecognitionOutcome> FinishAsync()
    {
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
        return new RecognitionOutcome(result.Text, result.Words.Select(w => new WordTiming(w.Word, w.Offset, w.Duration)).ToArray());
    }

    public async Task CancelAsync()
    {
        if (_stream is { } stream)
        {
            _stream = null;
            await Task.Run(stream.Dispose);
        }

        DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stream?.Dispose();
        _stream = null;
        return Task.CompletedTask;
    }
}
