using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Vad;

/// <summary>
/// Silero VAD v5 on ONNX Runtime (CPU): one speech probability per 512-sample frame of 16 kHz audio.
/// </summary>
/// <remarks>
/// Create one per process and share it: <see cref="Score"/> is thread-safe, and the per-stream
/// recurrent state lives in the caller's <see cref="VadStreamState"/>. Frames of one stream must be
/// scored in order, one call at a time. Each concurrent caller borrows a set of pre-bound buffers
/// (<see cref="SileroInferenceScratch"/>), so a call allocates nothing once warm. Must be disposed,
/// and not while calls are in flight.
/// </remarks>
public sealed partial class SileroVadModel : IVoiceActivityModel, IDisposable
{
    private const int SileroFrameSamples = 512;

    private readonly InferenceSession _session;
    private readonly ConcurrentBag<SileroInferenceScratch> _idleScratch = [];
    private readonly ILogger<SileroVadModel> _logger;
    private volatile bool _disposed;

    public SileroVadModel(IOptions<SileroVadOptions> options, ILogger<SileroVadModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        var settings = options.Value;
        if (settings.IntraOpThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), settings.IntraOpThreads, "SileroVadOptions.IntraOpThreads must be at least 1.");
        }

        var path = Path.GetFullPath(settings.ModelPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Silero VAD model is missing (SileroVadOptions.ModelPath); scripts/setup.sh fetches it.", path);
        }

        var clock = Stopwatch.StartNew();
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(path, sessionOptions);
        try
        {
            SileroModelSignature.Verify(_session, path);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        LogModelLoaded(path, settings.IntraOpThreads, clock.Elapsed.TotalMilliseconds);
    }

    /// <inheritdoc />
    public int FrameSamples => SileroFrameSamples;

    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="state"/> is written back only when every frame has been scored, so a call that
    /// throws leaves it as it was.
    /// </remarks>
    public void Score(ReadOnlySpan<float> samples, VadStreamState state, Span<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (samples.Length != probabilities.Length * SileroFrameSamples)
        {
            throw new ArgumentException($"Expected {probabilities.Length} frames of {SileroFrameSamples} samples, got {samples.Length} samples.", nameof(samples));
        }

        if (state.State.Length != VadStreamState.StateLength || state.Context.Length != VadStreamState.ContextLength)
        {
            throw new ArgumentException("The stream state's arrays have the wrong length.", nameof(state));
        }

        if (probabilities.IsEmpty)
        {
            return;
        }

        var scratch = _idleScratch.TryTake(out var idle) ? idle : new SileroInferenceScratch(_session, SileroFrameSamples);
        try
        {
            ScoreFrames(scratch, samples, state, probabilities);
        }
        finally
        {
            _idleScratch.Add(scratch);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_idleScratch.TryTake(out var scratch))
        {
            scratch.Dispose();
        }

        _session.Dispose();
    }

    private void ScoreFrames(SileroInferenceScratch scratch, ReadOnlySpan<float> samples, VadStreamState state, Span<float> probabilities)
    {
        var input = scratch.Input;
        const int context = VadStreamState.ContextLength;
        state.Context.CopyTo(input, 0);
        state.State.CopyTo(scratch.StateIn, 0);
        for (var frame = 0; frame < probabilities.Length; frame++)
        {
            samples.Slice(frame * SileroFrameSamples, SileroFrameSamples).CopyTo(input.AsSpan(context));
            _session.RunWithBinding(scratch.RunOptions, scratch.Binding);
            probabilities[frame] = scratch.Output[0];
            scratch.StateOut.CopyTo(scratch.StateIn, 0);

            // The next frame sees the tail of this one as its context.
            Array.Copy(input, SileroFrameSamples, input, 0, context);
        }

        Array.Copy(input, 0, state.Context, 0, context);
        scratch.StateIn.CopyTo(state.State, 0);
    }

    [LoggerMessage(EventId = 1, EventName = "SileroModelLoaded", Level = LogLevel.Information,
        Message = "Loaded the Silero VAD model {Path} ({IntraOpThreads} intra-op threads) in {Milliseconds:F0} ms")]
    private partial void LogModelLoaded(string path, int intraOpThreads, double milliseconds);
}
