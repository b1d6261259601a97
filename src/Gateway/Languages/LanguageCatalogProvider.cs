using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Sessions;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Gateway.Languages;

/// <summary>
/// Asks the cluster what its live engines can do, and caches the answer briefly. When the cluster
/// does not answer (a silo just died), the last answer stands until it does. Thread-safe.
/// </summary>
internal sealed partial class LanguageCatalogProvider(IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider time, ILogger<LanguageCatalogProvider> logger)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (LanguageCatalog Catalog, DateTimeOffset Expires)? _cached;

    /// <summary>The catalog, or null when the cluster cannot be reached and nothing is cached (answer 503).</summary>
    public async Task<LanguageCatalog?> TryGetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (Exception ex) when (SiloLoss.Is(ex) || ex is OrleansException)
        {
            LogStale(logger, ex.Message);
            return null;
        }
    }

    public async Task<LanguageCatalog> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } hit && hit.Expires > time.GetUtcNow())
        {
            return hit.Catalog;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.Expires > time.GetUtcNow())
            {
                return again.Catalog;
            }

            EngineCatalog engines;
            try
            {
                engines = await grains.GetGrain<ICatalogGrain>(0).GetCatalogAsync();
            }
            catch (Exception ex) when (_cached is { } stale && (SiloLoss.Is(ex) || ClusterOverload.Is(ex)))
            {
                LogStale(logger, ex.Message);
                return stale.Catalog;
            }

            var catalog = new LanguageCatalog(engines);
            _cached = (catalog, time.GetUtcNow() + options.Value.CatalogCacheDuration);
            return catalog;
        }
        finally
        {
            _refresh.Release();
        }
    }

    [LoggerMessage(EventId = 120, EventName = "CatalogStale", Level = LogLevel.Warning,
        Message = "The cluster did not say what its engines can do ({Error}); using the last answer")]
    private static partial void LogStale(ILogger logger, string error);
}
