using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Gateway.Sessions;

/// <summary>Failures that mean the silo holding a grain is gone or unreachable, not that the request was wrong.</summary>
internal static class SiloLoss
{
    public static bool Is(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or SocketConnectionException
            or EnumerationAbortedException or GatewayTooBusyException or TimeoutException or SessionNotStartedException => true,
        OrleansException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
