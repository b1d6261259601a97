using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

/// <summary>
/// What the live cluster can do: the union of the catalogs that active silos advertise in their
/// membership metadata, and this silo's own. A silo that dies drops out of it.
/// </summary>
[StatelessWorker]
internal sealed class CatalogGrain(LocalCatalog local, IClusterMembershipService membership, ISiloMetadataCache metadata)
    : Grain, ICatalogGrain
{
    public Task<EngineCatalog> GetCatalogAsync()
    {
        var catalogs = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => SiloCapabilities.Catalog(metadata.GetSiloMetadata(member.SiloAddress)))
            .OfType<EngineCatalog>()
            .Append(local.Catalog)
            .ToList();
        return Task.FromResult(new EngineCatalog(
            // A locale that some silo can detect among others is listed as that silo has it (placement finds that silo).
            catalogs.SelectMany(c => c.SpeechLocales).OrderBy(l => l.Detects ? 0 : 1).DistinctBy(l => l.Locale).ToArray(),
            catalogs.SelectMany(c => c.Pairs).OrderBy(p => p.Pivot is null ? 0 : 1).DistinctBy(p => (p.From, p.To)).ToArray(),
            catalogs.SelectMany(c => c.Voices).DistinctBy(v => v.Id).ToArray()));
    }
}
