namespace SpeechCluster.Gateway.Sessions;

/// <summary>
/// The silo this gateway talks to through is shedding load (Orleans <c>LoadSheddingOptions</c>: its
/// CPU or memory is over the threshold) and refused the call. Only a gateway in <c>Client</c> mode
/// sees it: an embedded gateway calls its silo in-process, past the silo's client gateway.
/// </summary>
internal static class ClusterOverload
{
    public const string Message = "the speech cluster is overloaded; try again shortly";

    public static bool Is(Exception exception) => exception switch
    {
        GatewayTooBusyException => true,
        OrleansException { InnerException: { } inner } => Is(inner),
        _ => false,
    };
}
