using System.Collections.Concurrent;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Hosting.Placement;

/// <summary>
/// Keeps the silos whose advertised engines include the one the grain needs and, when the grain's
/// key names a capability (<see cref="WorkerKeys"/>), those whose catalog offers it: a Spanish
/// recognizer goes to a silo with a Spanish model, one that detects among English and Spanish to a
/// silo with a multilingual model serving both. When no live silo offers the capability, the
/// engine's silos are kept, so the call fails there with the engine's own "not supported" answer.
/// </summary>
internal sealed class EngineFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    // A silo's catalog never changes while it lives; parsing its JSON once per silo keeps placement cheap.
    private readonly ConcurrentDictionary<SiloAddress, EngineCatalog?> _catalogs = new();

    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var engine = (filterStrategy as EngineFilterStrategy)?.Engine;
        return string.IsNullOrEmpty(engine)
            ? silos
            : Choose(silos, silo => SiloCapabilities.Engines(metadata.GetSiloMetadata(silo)), CatalogOf, engine, target.GrainIdentity.Key.ToString());
    }

    /// <summary>The decision, apart from Orleans' types: the silos that run <paramref name="engine"/> and offer what <paramref name="key"/> asks for.</summary>
    internal static IReadOnlyList<T> Choose<T>(IEnumerable<T> silos, Func<T, IReadOnlySet<string>> engines, Func<T, EngineCatalog?> catalog, string engine, string key)
    {
        var capable = silos.Where(silo => engines(silo).Contains(engine)).ToList();
        var capability = WorkerKeys.CapabilityOf(key);
        if (capability.Length == 0)
        {
            return capable;
        }

        var offering = capable.Where(silo => Offers(catalog(silo), engine, capability)).ToList();
        return offering.Count > 0 ? offering : capable;
    }

    private EngineCatalog? CatalogOf(SiloAddress silo) =>
        _catalogs.GetOrAdd(silo, address => SiloCapabilities.Catalog(metadata.GetSiloMetadata(address)));

    private static bool Offers(EngineCatalog? catalog, string engine, string capability) => catalog is not null && engine switch
    {
        EngineNames.Asr when capability.Contains(WorkerKeys.CandidateSeparator, StringComparison.Ordinal) => DetectsAmong(catalog, capability),
        EngineNames.Asr => catalog.SpeechLocales.Any(l => l.Locale.Equals(capability, StringComparison.OrdinalIgnoreCase)),
        EngineNames.Mt => catalog.Pairs.Any(p => $"{p.From}>{p.To}".Equals(capability, StringComparison.OrdinalIgnoreCase)),
        EngineNames.Tts => catalog.Voices.Any(v => v.Id.Equals(capability, StringComparison.OrdinalIgnoreCase) || v.Language.Equals(capability, StringComparison.OrdinalIgnoreCase)),
        _ => true,
    };

    /// <summary>Whether one detecting model of the silo serves every locale of a candidate set.</summary>
    private static bool DetectsAmong(EngineCatalog catalog, string candidateSet)
    {
        var served = candidateSet.Split(WorkerKeys.CandidateSeparator)
            .Select(locale => catalog.SpeechLocales.FirstOrDefault(l => l.Locale.Equals(locale, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return served.All(l => l is not null && l.DetectsWith(served[0]!));
    }
}
