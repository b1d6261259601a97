namespace SpeechCluster.Grains.Hosting;

/// <summary>How silos and gateways find each other. Section <c>SpeechCluster:Cluster</c>.</summary>
public sealed class ClusterSettings
{
    public const string Section = "SpeechCluster:Cluster";

    /// <summary>
    /// Membership provider: <c>Localhost</c> (one machine, the default), <c>Redis</c> (a Redis
    /// server holds the membership table; many machines), or <c>Kubernetes</c> (Redis membership
    /// plus Orleans' Kubernetes hosting, which only works inside a pod).
    /// </summary>
    public string Provider { get; set; } = "Localhost";

    /// <summary>StackExchange.Redis connection string for <c>Redis</c> and <c>Kubernetes</c>. Default: <c>localhost:6379</c>.</summary>
    public string Redis { get; set; } = "localhost:6379";

    /// <summary>Silos and gateways with the same cluster id form one cluster. Default: <c>speechcluster</c>.</summary>
    public string ClusterId { get; set; } = "speechcluster";

    /// <summary>Default: <c>speechcluster</c>.</summary>
    public string ServiceId { get; set; } = "speechcluster";

    /// <summary>Silo-to-silo port. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port gateways (Orleans clients) connect to; with Localhost, the one a client-mode gateway joins. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (Redis and Kubernetes). Default: loopback.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Detect a dead silo within about 2 s (1 s probes, 2 misses, one vote) instead of Orleans'
    /// conservative defaults (about 10 s). Default: true.
    /// </summary>
    public bool FastFailureDetection { get; set; } = true;

    /// <summary>When a silo stops taking calls from gateways (Orleans load shedding).</summary>
    public LoadSheddingSettings LoadShedding { get; set; } = new();

    public bool UsesRedis => Provider.Equals("Redis", StringComparison.OrdinalIgnoreCase) || IsKubernetes;

    public bool IsKubernetes => Provider.Equals("Kubernetes", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Orleans load shedding on silos. Section <c>SpeechCluster:Cluster:LoadShedding</c>. Over either
/// threshold a silo refuses calls from Orleans clients (gateways in <c>Client</c> mode) with
/// <c>GatewayTooBusyException</c>: the gateway answers 503 before the upgrade, or closes a running
/// conversation with 1013. Calls between silos, and an embedded gateway's calls to its own silo, are
/// never shed.
/// </summary>
public sealed class LoadSheddingSettings
{
    /// <summary>
    /// Default: false. A laptop or a 2-core test machine runs at full CPU in normal use, and a
    /// shedding silo even refuses a starting gateway; deployments turn it on (deploy/k8s does).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>CPU use (percent, as Orleans' environment statistics measure it) at which the silo sheds. Default: 95.</summary>
    public int CpuThreshold { get; set; } = 95;

    /// <summary>Memory use (percent of what is available to the process, as Orleans measures it) at which the silo sheds. Default: 90.</summary>
    public int MemoryThreshold { get; set; } = 90;
}
