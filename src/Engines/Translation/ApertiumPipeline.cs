using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Translation;

/// <summary>
/// The long-lived pipeline of one mode. Thread-safe: segments go through one at a time, in arrival
/// order. Starts its process on first use and again whenever it died or hung. Dispose kills it.
/// </summary>
internal sealed class ApertiumPipeline : IDisposable
{
    private readonly ApertiumMode _mode;
    private readonly string _command;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private ApertiumProcess? _process;
    private long _nonce;
    private int _inHand;
    private bool _disposed;

    public ApertiumPipeline(ApertiumMode mode, ApertiumOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _mode = mode;
        _command = ApertiumPipelineCommand.Build(File.ReadAllText(mode.FilePath), options.UnbufferLtProc);
        _timeout = options.Timeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ApertiumMode Mode => _mode;

    /// <summary>Segments taken and not yet answered, the one in the pipe included.</summary>
    public int InHand => Volatile.Read(ref _inHand);

    /// <summary>The running shell's process id, or <c>null</c> before the first segment (for tests).</summary>
    internal int? ProcessId => _process?.Id;

    /// <summary>Translates one prepared segment.</summary>
    /// <exception cref="TimeoutException">The pipeline hung; it has been killed and will restart.</exception>
    /// <exception cref="IOException">The pipeline died twice in a row on this segment.</exception>
    public async Task<string> TranslateAsync(string segment, CancellationToken cancellationToken)
    {
        // Counted before the first await, so that a set choosing among pipelines sees it at once.
        Interlocked.Increment(ref _inHand);
        try
        {
            return await TranslateInTurnAsync(segment, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inHand);
        }
    }

    private async Task<string> TranslateInTurnAsync(string segment, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        // Once sent, a segment is seen through even if the caller stops waiting: its answer would
        // otherwise be waiting in the pipe for the next caller (the nonce would catch it, but the
        // restart that follows costs more than letting a 1 ms segment finish).
        var work = TranslateLockedAsync(segment);
        try
        {
            return await work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !work.IsCompleted)
        {
            _ = work.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            throw;
        }
    }

    /// <summary>Kills the process at once; a segment in flight fails with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            Discard();
        }
    }

    private async Task<string> TranslateLockedAsync(string segment)
    {
        try
        {
            var nonce = ++_nonce;
            var frame = ApertiumText.Frame(segment, nonce);
            for (var attempt = 1; ; attempt++)
            {
                var process = EnsureRunning();
                using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
                try
                {
                    return await process.ExchangeAsync(frame, nonce, timeout.Token);
                }
                catch (Exception ex) when (timeout.IsCancellationRequested && ex is OperationCanceledException or IOException)
                {
                    ApertiumLog.PipelineTimedOut(_logger, _mode.Name, _timeout);
                    Discard();
                    throw new TimeoutException($"The Apertium pipeline {_mode.Name} gave no answer within {_timeout}.", ex);
                }
                catch (IOException ex) when (attempt == 1)
                {
                    ApertiumLog.PipelineDied(_logger, _mode.Name, ex);
                    Discard();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ApertiumProcess EnsureRunning()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_process is { HasExited: true })
            {
                ApertiumLog.PipelineExited(_logger, _mode.Name);
                Discard();
            }

            return _process ??= new ApertiumProcess(_mode.Name, _command, _logger);
        }
    }

    private void Discard()
    {
        lock (_sync)
        {
            _process?.Dispose();
            _process = null;
        }
    }
}
