using System.Diagnostics.Metrics;

namespace SpeechCluster.Gateway.Connections;

/// <summary>The gateway's flow-control instruments (meter <c>SpeechCluster.Gateway</c>), exported at /metrics.</summary>
internal static class GatewayMetrics
{
    public const string MeterName = "SpeechCluster.Gateway";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Time the receive loops waited because a client's audio was too far ahead of real time.</summary>
    public static readonly Counter<double> AudioThrottled = Meter.CreateCounter<double>(
        "speechcluster.gateway.audio_throttled", "s", "Time spent not reading clients that sent audio faster than real time");

    /// <summary>Conversations refused before the upgrade, by reason (gateway_full, tenant_quota, draining, cluster_overloaded).</summary>
    public static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "speechcluster.gateway.refused", "{conversation}", "Conversations refused by a limit, a quota, shutdown or overload");
}
