using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SpeechCluster.Engines.Translation;

/// <summary>
/// Translates with the Apertium language pairs installed on this machine, each direction running as
/// one long-lived pipeline of processes (started on first use, restarted when it dies or hangs).
/// Thread-safe: segments of one direction are translated one at a time in arrival order (a few
/// milliseconds each); directions run in parallel. Dispose kills every pipeline.
/// </summary>
/// <remarks>
/// Languages are ISO 639-1 codes where one exists (<c>en</c>, <c>es</c>, <c>ca</c>, <c>pt</c>), else
/// Apertium's own (<c>ast</c>); they are matched case-insensitively and a region subtag is ignored
/// (<c>pt-PT</c> is <c>pt</c>). Unknown words come out as they went in, without Apertium's
/// <c>*</c>/<c>@</c>/<c>#</c> marks (the generator runs in its unmarked mode, so a <c>*</c> or <c>@</c>
/// the speaker's text really contains is kept).
/// </remarks>
public sealed class ApertiumTranslator : ITranslator
{
    private readonly FrozenDictionary<string, ApertiumPipelineSet> _pipelines;
    private readonly FrozenDictionary<(string From, string To), ApertiumPipelineSet[]> _routes;
    private bool _disposed;

    /// <param name="timeProvider">Clock for <see cref="ApertiumOptions.Timeout"/>; default: the system clock.</param>
    public ApertiumTranslator(IOptions<ApertiumOptions> options, ILogger<ApertiumTranslator> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Timeout, TimeSpan.Zero, "ApertiumOptions.Timeout");
        _pipelines = CreatePipelines(ApertiumModeCatalog.Discover(settings.ModesDirectories), settings, timeProvider ?? TimeProvider.System, logger);
        _routes = BuildRoutes([.. _pipelines.Values], settings.PivotLanguage?.ToLowerInvariant());
        Pairs = [.. _routes
            .Select(r => new LanguagePair(r.Key.From, r.Key.To, r.Value.Length > 1 ? r.Value[0].Mode.To : null))
            .OrderBy(p => p.From, StringComparer.Ordinal).ThenBy(p => p.To, StringComparer.Ordinal)];
        ApertiumLog.ModesFound(logger, _pipelines.Count, string.Join(", ", _pipelines.Keys.Order(StringComparer.Ordinal)), Pairs.Count - _pipelines.Count);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<LanguagePair> Pairs { get; }

    /// <inheritdoc />
    /// <exception cref="TimeoutException">A pipeline hung past <see cref="ApertiumOptions.Timeout"/>.</exception>
    /// <exception cref="IOException">A pipeline died twice on this segment.</exception>
    public async Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var source = Normalize(from);
        var target = Normalize(to);
        if (!_routes.TryGetValue((source, target), out var route))
        {
            throw new NotSupportedException($"Apertium cannot translate {from} to {to} on this machine.");
        }

        var current = text;
        foreach (var pipeline in route)
        {
            var segment = ApertiumText.PrepareSource(current, pipeline.Mode.From);
            if (segment.Length == 0)
            {
                return "";
            }

            current = await pipeline.TranslateAsync(segment, cancellationToken);
        }

        return current;
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var pipeline in _pipelines.Values)
        {
            pipeline.Dispose();
        }
    }

    /// <summary>The shell process id of a direction's first pipeline, <c>null</c> before it started (for tests).</summary>
    internal int? GetProcessId(string modeName) => _pipelines[modeName].ProcessIds[0];

    /// <summary>The shell process ids of all of a direction's pipelines, <c>null</c> for those not started (for tests).</summary>
    internal IReadOnlyList<int?> GetProcessIds(string modeName) => _pipelines[modeName].ProcessIds;

    private static string Normalize(string language)
    {
        var dash = language.IndexOfAny(['-', '_']);
        return (dash > 0 ? language[..dash] : language).ToLowerInvariant();
    }

    private static FrozenDictionary<string, ApertiumPipelineSet> CreatePipelines(
        IReadOnlyList<ApertiumMode> modes, ApertiumOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var pipelines = new Dictionary<string, ApertiumPipelineSet>(StringComparer.Ordinal);
        foreach (var mode in modes)
        {
            try
            {
                pipelines.Add(mode.Name, new ApertiumPipelineSet(mode, options, timeProvider, logger));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                ApertiumLog.ModeSkipped(logger, mode.Name, mode.FilePath, ex);
            }
        }

        return pipelines.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<(string From, string To), ApertiumPipelineSet[]> BuildRoutes(
        IReadOnlyList<ApertiumPipelineSet> direct, string? pivot)
    {
        var routes = direct.ToDictionary(p => (p.Mode.From, p.Mode.To), p => new[] { p });
        if (pivot is not null)
        {
            foreach (var first in direct.Where(p => p.Mode.To == pivot))
            {
                foreach (var second in direct.Where(p => p.Mode.From == pivot && p.Mode.To != first.Mode.From))
                {
                    routes.TryAdd((first.Mode.From, second.Mode.To), [first, second]);
                }
            }
        }

        return routes.ToFrozenDictionary();
    }
}
