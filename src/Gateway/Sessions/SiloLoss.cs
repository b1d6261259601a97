using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Sessions;

/// <summary>
/// Failures that mean the silo holding a grain is gone or unreachable, not that the request was
/// wrong. A silo shedding load (<see cref="ClusterOverload"/>) is not one: rebuilding the session
/// elsewhere would only add work to an overloaded cluster.
/// </summary>
internal static class SiloLoss
{
    public static bool Is(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or SocketConnectionException
            or EnumerationAbortedException or TimeoutException or SessionNotStartedException => true,
        OrleansException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
