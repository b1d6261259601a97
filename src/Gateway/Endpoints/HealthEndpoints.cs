using SpeechCluster.Gateway.Languages;

namespace SpeechCluster.Gateway.Endpoints;

/// <summary>
/// Probes for orchestrators (deploy/k8s): <c>GET /healthz</c> says the process serves HTTP (liveness),
/// <c>GET /readyz</c> that the speech cluster has answered (readiness). No authentication, no body
/// worth parsing: the status code is the answer.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    internal static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness must not depend on the silos: restarting a gateway does not bring a silo back.
        endpoints.MapGet(LivePath, () => Results.Text("ok"));
        endpoints.MapGet(ReadyPath, ReadyAsync);
        return endpoints;
    }

    /// <summary>
    /// Ready once the cluster has said what its engines can do (the same question /languages asks).
    /// The catalog's last answer stands through a brief silo loss, so one dying silo does not take
    /// every gateway out of the load balancer; a gateway that never reached the cluster stays out.
    /// </summary>
    internal static async Task<IResult> ReadyAsync(LanguageCatalogProvider catalogs, CancellationToken cancellationToken) =>
        await catalogs.TryGetAsync(cancellationToken) is null
            ? Results.Text("the speech cluster is not answering", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready");
}
