using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Sessions;

internal sealed partial class SessionLink
{
    /// <summary>
    /// Rebuilds the session after the silo holding it was lost: a new epoch that starts at the
    /// next undelivered final and at the oldest kept audio, the kept audio replayed, the speech
    /// still owed for delivered finals re-made. Whoever notices first does it; the others wait.
    /// </summary>
    private async Task RecoverAsync(int failedGeneration, Exception cause)
    {
        await _recovering.WaitAsync();
        try
        {
            if (_ledger.Generation != failedGeneration || _options is null)
            {
                return;
            }

            Log.Recovering(_logger, cause.GetType().Name, cause.Message);
            await _superseded.CancelAsync();
            var (delivered, deliveredEnd, owed) = _ledger.Freeze();
            var start = Math.Max(To16k(_audio.Start), deliveredEnd);
            var replay = _audio.From(ToInput(start));
            var resume = new SessionResume(Guid.NewGuid(), delivered, start, owed);
            await _retry.ExecuteAsync(async _ =>
            {
                // A retry after a partial replay starts over with a fresh epoch, so nothing is fed twice.
                resume = resume with { Epoch = Guid.NewGuid() };
                await Traced(() => _session.StartAsync(_options, _connection, resume));
                for (var offset = 0; offset < replay.Length; offset += ReplayChunk)
                {
                    _progress = await _session.PushAudioAsync(new AudioChunk(replay.AsSpan(offset, Math.Min(ReplayChunk, replay.Length - offset)).ToArray()));
                }

                if (_completed)
                {
                    _completion = _session.CompleteAsync();
                }
            });
            _ledger.Resume();
            Log.Recovered(_logger, delivered, replay.Length / (double)_options.InputSampleRate);
        }
        finally
        {
            if (_superseded.IsCancellationRequested)
            {
                // Replaced only now, so that a reader starting during the recovery stops at once too.
                _superseded = new CancellationTokenSource();
            }

            var signal = _recovered;
            _recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            signal.TrySetResult();
            _recovering.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 110, EventName = "SessionLost", Level = LogLevel.Warning,
            Message = "Lost the session's silo ({Error}: {Message}); rebuilding the session")]
        public static partial void Recovering(ILogger logger, string error, string message);

        [LoggerMessage(EventId = 111, EventName = "SessionRebuilt", Level = LogLevel.Information,
            Message = "Session rebuilt after {Finals} delivered finals; replayed {Seconds:F1} s of audio")]
        public static partial void Recovered(ILogger logger, int finals, double seconds);
    }
}
