namespace SpeechCluster.Gateway.Hosting;

/// <summary>How the gateway reaches the grains. Section <c>SpeechCluster:Cluster</c>.</summary>
public sealed class GatewayClusterOptions
{
    public const string Section = "SpeechCluster:Cluster";

    /// <summary>
    /// <c>Embedded</c> (default): a silo with every engine runs inside the gateway process.
    /// <c>Client</c>: the gateway joins silos started separately (src/Silo) as an Orleans client.
    /// </summary>
    public string Mode { get; set; } = "Embedded";

    /// <summary>Silo-to-silo port of the embedded silo. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port: the embedded silo listens on it, a client-mode gateway connects to it. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    public bool IsEmbedded => Mode.Equals("Embedded", StringComparison.OrdinalIgnoreCase);
}
