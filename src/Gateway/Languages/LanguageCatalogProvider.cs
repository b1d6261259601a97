using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Gateway.Languages;

/// <summary>Asks the cluster what its engines can do, and caches the answer briefly. Thread-safe.</summary>
internal sealed class LanguageCatalogProvider(IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (LanguageCatalog Catalog, DateTimeOffset Expires)? _cached;

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

            var engines = await grains.GetGrain<ICatalogGrain>(0).GetCatalogAsync();
            var catalog = new LanguageCatalog(engines);
            _cached = (catalog, time.GetUtcNow() + options.Value.CatalogCacheDuration);
            return catalog;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
