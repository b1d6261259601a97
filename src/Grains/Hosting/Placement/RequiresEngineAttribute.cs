using Orleans.Placement;

namespace SpeechCluster.Grains.Hosting.Placement;

/// <summary>
/// The grain runs an engine: it is placed only on silos whose <c>speechcluster.engines</c>
/// metadata lists it, stateless workers included. (Orleans' own metadata filters compare with
/// the calling silo, which is not what capability placement needs.)
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresEngineAttribute(string engine) : PlacementFilterAttribute(new EngineFilterStrategy(engine));
