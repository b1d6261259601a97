using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime;

namespace SpeechCluster.Grains.Hosting.Placement;

/// <summary>Placement filter: only silos that advertise <see cref="Engine"/> may host the grain.</summary>
public sealed class EngineFilterStrategy(string engine) : PlacementFilterStrategy(order: 0)
{
    private const string PropertyKey = "speechcluster-engine";

    public EngineFilterStrategy()
        : this("")
    {
    }

    public string Engine { get; private set; } = engine;

    public override void AdditionalInitialize(GrainProperties properties) =>
        Engine = GetPlacementFilterGrainProperty(PropertyKey, properties) ?? "";

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new(PropertyKey, Engine);
    }
}
