using System.Runtime.CompilerServices;
using Polly;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Telemetry;
using SessionOptions = SpeechCluster.Grains.Interfaces.SessionOptions;

namespace SpeechCluster.Gateway.Sessions;

/// <summary>
/// A connection's line to its session grain that survives the loss of the silo holding the
/// session: it keeps the audio no delivered final covers yet, and when a call fails because the
/// silo is gone it restarts the session (a new epoch, the next final id, the same timing base),
/// replays that audio, and resumes reading results. One writer (the receive loop) and one reader
/// (the send loop) may use it at once.
/// </summary>
internal sealed partial class SessionLink
{
    private const int ReplayChunk = 16_000;

    private readonly ISessionGrain _session;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private readonly Guid _connection = Guid.NewGuid();
    private RecoveryBuffer _audio = new();
    private long _firstRead;
    private readonly SemaphoreSlim _recovering = new(1, 1);
    private readonly DeliveryLedger _ledger;
    private SessionOptions? _options;
    private SessionProgress _progress = new(0, 0);
    private TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Cancelled when a recovery begins: the reader leaves the lost session's stream at once rather
    // than wait out the call timeout of a silo that will never answer.
    private CancellationTokenSource _superseded = new();
    private Task _completion = Task.CompletedTask;
    private volatile bool _completed;

    public SessionLink(ISessionGrain session, IReadOnlyList<string> spokenTargets, ResiliencePipeline retry, ILogger logger)
    {
        _session = session;
        _ledger = new DeliveryLedger(spokenTargets);
        _retry = retry;
        _logger = logger;
    }

    /// <summary>
    /// The connection's span (a W3C traceparent), handed to the session with the calls that start
    /// or resume it, for its utterances' traces to link to; null when the gateway does not trace.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>How many times the session was rebuilt after losing its silo.</summary>
    public int Recoveries => _ledger.Generation;

    public bool Started => _options is not null;

    /// <summary>The conversation's options once started or attached.</summary>
    public SessionOptions? Options => _options;

    public Task StartAsync(SessionOptions options)
    {
        _options = options;
        return CallAsync(() => Traced(() => _session.StartAsync(options, _connection)));
    }

    /// <summary>
    /// Resumes a conversation whose earlier connection dropped (the resume extension): the client
    /// has every final up to <paramref name="resumeFrom"/>. Returns null when the session holds no
    /// conversation to resume (unknown, expired, or not this tenant's).
    /// </summary>
    public async Task<SessionOptions?> AttachAsync(int resumeFrom)
    {
        if (await Traced(() => _session.AttachAsync(resumeFrom, _connection)) is not { } attachment)
        {
            return null;
        }

        _options = attachment.Options;
        _firstRead = attachment.AfterSequence;
        _ledger.Resumed(resumeFrom + 1);
        _audio = new RecoveryBuffer(ToInput(attachment.StreamPosition));
        return attachment.Options;
    }

    /// <summary>Sends client audio (its own rate), keeping it until a delivered final covers it.</summary>
    public async Task PushAsync(short[] samples)
    {
        _audio.Append(samples);
        var generation = _ledger.Generation;
        try
        {
            _progress = await _session.PushAudioAsync(new AudioChunk(samples));
            Trim();
        }
        catch (Exception ex) when (SiloLoss.Is(ex))
        {
            // The replay of the kept audio includes these samples.
            await RecoverAsync(generation, ex);
        }
    }

    public Task FlushAsync() => CallAsync(() => _session.FlushAsync());

    /// <summary>The client is done: the session finishes what it has; the results stream then ends.</summary>
    public Task CompleteAsync()
    {
        _completed = true;
        return CallAsync(() => _completion = _session.CompleteAsync());
    }

    /// <summary>
    /// The connection dropped without a close: the session finishes what was spoken and keeps the
    /// results for <paramref name="window"/>, for a client that resumes.
    /// </summary>
    public async Task DetachAsync(TimeSpan window)
    {
        try
        {
            await _session.DetachAsync(_connection, window);
        }
        catch (Exception ex) when (SiloLoss.Is(ex))
        {
            // The silo is gone, and the session with it: nothing left to keep.
        }
    }

    public async Task AbandonAsync()
    {
        try
        {
            await _session.AbandonAsync(_connection);
        }
        catch (Exception ex) when (SiloLoss.Is(ex))
        {
            // The silo is gone, and the session with it: nothing left to release.
        }
    }

    /// <summary>The session's results, across recoveries, each claimed in the ledger before it is returned.</summary>
    public async IAsyncEnumerable<SessionEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var generation = _ledger.Generation;
            var recovered = _recovered.Task;
            var superseded = _superseded.Token;
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, superseded);
            // A resumed connection starts after what its client already has; a rebuilt session from its start.
            var results = _session.ReadEventsAsync(generation == 0 ? _firstRead : 0, reading.Token).GetAsyncEnumerator(reading.Token);
            Exception? failure = null;
            try
            {
                while (true)
                {
                    SessionEvent? next = null;
                    try
                    {
                        next = await results.MoveNextAsync() ? results.Current : null;
                    }
                    catch (Exception ex) when (SiloLoss.Is(ex))
                    {
                        failure = ex;
                    }
                    catch (OperationCanceledException) when (superseded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        // A recovery is replacing this session; the next one is read once it is done.
                    }

                    if (next is null)
                    {
                        break;
                    }

                    if (_ledger.TryClaim(next, generation))
                    {
                        yield return next;
                    }
                }
            }
            finally
            {
                await DisposeQuietlyAsync(results);
            }

            if (failure is null)
            {
                if (_ledger.Generation == generation && _recovering.CurrentCount > 0)
                {
                    if (_completed)
                    {
                        yield break;
                    }

                    // The stream ended though the client has not finished: the activation went
                    // away (its silo shut down). Rebuild the session as if the silo had died.
                    failure = new SessionNotStartedException("the session's results ended before the conversation did");
                }
            }

            if (failure is not null)
            {
                await RecoverAsync(generation, failure);
            }

            // The stream broke or a recovery replaced the session: read the new one.
            await recovered.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Ends a remote enumeration whose silo may be gone (then there is nothing to end).</summary>
    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<SessionEvent> results)
    {
        try
        {
            await results.DisposeAsync();
        }
        catch (Exception ex) when (SiloLoss.Is(ex) || ex is OperationCanceledException)
        {
            // Nothing to release on a lost silo.
        }
    }

    private async Task CallAsync(Func<Task> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            var generation = _ledger.Generation;
            try
            {
                await call();
                return;
            }
            catch (Exception ex) when (SiloLoss.Is(ex) && attempt < 3)
            {
                await RecoverAsync(generation, ex);
            }
        }
    }

    // Set inside an async method, the request context value goes with this call only, not with
    // the audio calls that follow (Orleans sends the whole request context with every call).
    private async Task<T> Traced<T>(Func<Task<T>> call)
    {
        if (TraceParent is { } parent)
        {
            RequestContext.Set(SpeechTracing.ConversationContextKey, parent);
        }

        return await call();
    }

    private Task Traced(Func<Task> call) => Traced(async () =>
    {
        await call();
        return true;
    });

    /// <summary>Forgets audio that no recovery could need: what delivered finals cover, or what the session says it is done with.</summary>
    private void Trim()
    {
        var (delivered, deliveredEnd) = (_ledger.FinalsDelivered, _ledger.DeliveredEnd);
        var keepFrom = delivered >= _progress.FinalsPublished ? Math.Max(_progress.NeededFrom, deliveredEnd) : deliveredEnd;
        _audio.TrimBefore(ToInput(keepFrom));
    }

    private long ToInput(long position16k) => position16k * _options!.InputSampleRate / 16_000;

    private long To16k(long inputPosition) => inputPosition * 16_000 / _options!.InputSampleRate;
}
