using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace SpeechCluster.Grains.Hosting.Placement;

/// <summary>Keeps the silos whose advertised engines include the one the grain needs.</summary>
internal sealed class EngineFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var engine = (filterStrategy as EngineFilterStrategy)?.Engine;
        return string.IsNullOrEmpty(engine)
            ? silos
            : silos.Where(silo => SiloCapabilities.Engines(metadata.GetSiloMetadata(silo)).Contains(engine));
    }
}
