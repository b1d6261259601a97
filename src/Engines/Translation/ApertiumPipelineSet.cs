using Microsoft.Extensions.Logging;

namespace SpeechCluster.Engines.Translation;

/// <summary>
/// Up to N pipelines of one mode, so that segments of different conversations go through at the same
/// time: one pipeline hands on one segment at a time, and its ten or so processes spend most of that
/// time waking each other through pipes rather than computing, so a single one queues a server's
/// conversations behind each other with the cores idle. A segment goes to the pipeline with the fewest
/// segments in hand; a pipeline's processes start only when it is first chosen, so a quiet server runs one.
/// </summary>
internal sealed class ApertiumPipelineSet : IDisposable
{
    private readonly ApertiumPipeline[] _pipelines;

    public ApertiumPipelineSet(ApertiumMode mode, ApertiumOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PipelinesPerDirection, 1, nameof(ApertiumOptions.PipelinesPerDirection));
        _pipelines = [.. Enumerable.Range(0, options.PipelinesPerDirection).Select(_ => new ApertiumPipeline(mode, options, timeProvider, logger))];
    }

    public ApertiumMode Mode => _pipelines[0].Mode;

    /// <summary>The pipelines' shell process ids, null for those not started (for tests).</summary>
    internal IReadOnlyList<int?> ProcessIds => [.. _pipelines.Select(p => p.ProcessId)];

    /// <inheritdoc cref="ApertiumPipeline.TranslateAsync"/>
    public Task<string> TranslateAsync(string segment, CancellationToken cancellationToken)
    {
        // The first with the fewest in hand: a started pipeline is preferred while it is free.
        var chosen = _pipelines[0];
        foreach (var pipeline in _pipelines)
        {
            if (pipeline.InHand < chosen.InHand)
            {
                chosen = pipeline;
            }
        }

        return chosen.TranslateAsync(segment, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var pipeline in _pipelines)
        {
            pipeline.Dispose();
        }
    }
}
