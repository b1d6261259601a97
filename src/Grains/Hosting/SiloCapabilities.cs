using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Runtime.MembershipService.SiloMetadata;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Hosting;

/// <summary>
/// What a silo advertises to the cluster in its membership metadata: the engines it runs (read by
/// the placement filter), whether it has a GPU, and the catalog of its languages and voices (merged
/// by the catalog grain into what <c>/languages</c> shows and what connections may ask for).
/// </summary>
public static class SiloCapabilities
{
    public const string EnginesKey = "speechcluster.engines";
    public const string GpuKey = "speechcluster.gpu";
    public const string CatalogKey = "speechcluster.catalog";

    public static Dictionary<string, string> ToMetadata(IReadOnlySet<string> engines, bool gpu, EngineCatalog catalog) => new()
    {
        [EnginesKey] = string.Join(',', engines.Order(StringComparer.Ordinal)),
        [GpuKey] = gpu ? "true" : "false",
        [CatalogKey] = JsonSerializer.Serialize(catalog, CatalogJson.Default.EngineCatalog),
    };

    public static IReadOnlySet<string> Engines(SiloMetadata metadata) =>
        metadata.Metadata.TryGetValue(EnginesKey, out var engines)
            ? engines.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    public static EngineCatalog? Catalog(SiloMetadata metadata) =>
        metadata.Metadata.TryGetValue(CatalogKey, out var json) ? JsonSerializer.Deserialize(json, CatalogJson.Default.EngineCatalog) : null;
}

[JsonSerializable(typeof(EngineCatalog))]
internal sealed partial class CatalogJson : JsonSerializerContext;
