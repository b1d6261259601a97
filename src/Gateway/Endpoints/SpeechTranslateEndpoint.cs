using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Gateway.Metering;
using Polly;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Gateway.Sessions;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Gateway.Endpoints;

/// <summary>
/// <c>/speech/translate</c>: checks credentials, limits and parameters before the upgrade (401, 429,
/// 503, 400 with a JSON body), then hands the socket to a <see cref="ConversationConnection"/>.
/// </summary>
internal static class SpeechTranslateEndpoint
{
    public const string ConversationHeader = "X-ConversationId";

    public static IEndpointRouteBuilder MapSpeechTranslate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/speech/translate", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context,
        RequestAuthenticator authenticator,
        LanguageCatalogProvider catalogs,
        IGrainFactory grains,
        ConversationRegistry registry,
        MonthlyQuotas quotas,
        IUsageStore usageStore,
        TimeProvider time,
        IOptions<GatewayOptions> options,
        IOptions<MeteringOptions> metering,
        GatewayDrain drain,
        [FromKeyedServices(SessionRecovery.PipelineKey)] ResiliencePipeline recovery,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "this endpoint speaks WebSocket: connect with ws:// or wss://");
            return;
        }

        var auth = await authenticator.AuthenticateAsync(context.Request);
        if (!auth.Succeeded)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, auth.Error!);
            return;
        }

        if (await quotas.RefusalAsync(auth.Tenant!, context.RequestAborted) is { } overQuota)
        {
            GatewayMetrics.Refused.Add(1, new KeyValuePair<string, object?>("reason", "monthly_quota"));
            await ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden, overQuota);
            return;
        }

        // Admitted before anything costly; the lease is held until the conversation ends.
        var admission = registry.TryEnter(auth.Tenant!, out var lease);
        using var held = lease;
        if (admission != Admission.Admitted)
        {
            await RefuseAsync(context, admission, auth.Tenant!, registry, options.Value);
            return;
        }

        LanguageCatalog catalog;
        try
        {
            catalog = await catalogs.GetAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ClusterOverload.Is(ex) || SiloLoss.Is(ex) || ex is OrleansException)
        {
            var overloaded = ClusterOverload.Is(ex);
            GatewayMetrics.Refused.Add(1, new KeyValuePair<string, object?>("reason", overloaded ? "cluster_overloaded" : "cluster_unavailable"));
            await ErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                overloaded ? ClusterOverload.Message : "no silo of the speech cluster is answering; try again shortly", options.Value.RetryAfter);
            return;
        }
        var parsed = TranslateRequestParser.Parse(context.Request.Query, context.Request.Headers, catalog);
        if (parsed.Value is not { } request)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, parsed.Error!);
            return;
        }

        // The session's key holds the tenant: a tenant can only ever reach its own conversations.
        var conversation = request.Conversation ?? Guid.NewGuid().ToString("N");
        var logger = loggers.CreateLogger<ConversationConnection>();
        using var scope = logger.BeginScope(new ConversationLogScope(conversation));
        var span = ConversationTracing.Start(conversation, request);
        CloseOutcome? outcome = null;
        var session = new SessionLink(
            grains.GetGrain<ISessionGrain>($"{auth.Tenant}/{conversation}"),
            request.TextToSpeech ? request.Targets : [],
            recovery,
            loggers.CreateLogger<SessionLink>())
        {
            TraceParent = span?.Id,
        };
        try
        {
            if (request.ResumeFrom is { } resumeFrom && await ResumeRefusalAsync(session, request, resumeFrom) is { } refusal)
            {
                await ErrorResponses.WriteAsync(context, refusal.Status, refusal.Message);
                return;
            }

            context.Response.Headers[ConversationHeader] = conversation;
            using var socket = await AcceptOrRefuseAsync(context, options.Value);
            if (socket is null)
            {
                return;
            }

            var usage = new UsageMeter(usageStore, auth.Tenant!, metering.Value.AudioFlushInterval, time, logger);
            var connection = new ConversationConnection(socket, request, auth.Tenant!, session, options.Value, usage, logger);
            outcome = await connection.RunAsync(context.RequestAborted, drain.Deadline);
        }
        finally
        {
            ConversationTracing.End(span, outcome, session.Recoveries);
        }
    }

    /// <summary>429 for a tenant over its quota, 503 for a full or stopping gateway; Retry-After on each.</summary>
    private static Task RefuseAsync(HttpContext context, Admission admission, string tenant, ConversationRegistry registry, GatewayOptions options)
    {
        var (status, reason, message) = admission switch
        {
            Admission.TenantFull => (StatusCodes.Status429TooManyRequests, "tenant_quota",
                $"too many concurrent conversations: this key's tenant has its maximum of {registry.TenantQuota(tenant)} open on this server; end one or try again later"),
            Admission.Draining => (StatusCodes.Status503ServiceUnavailable, "draining",
                "the server is shutting down and takes no new conversations; connect again (to another server)"),
            _ => (StatusCodes.Status503ServiceUnavailable, "gateway_full",
                $"the server is carrying its maximum of {options.MaxConnections} conversations; try again shortly"),
        };
        GatewayMetrics.Refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return ErrorResponses.WriteAsync(context, status, message, options.RetryAfter);
    }

    /// <summary>The upgraded socket; null when Kestrel refused the upgrade and a 503 was sent instead.</summary>
    private static async Task<WebSocket?> AcceptOrRefuseAsync(HttpContext context, GatewayOptions options)
    {
        try
        {
            return await context.WebSockets.AcceptWebSocketAsync();
        }
        catch (InvalidOperationException) when (!context.Response.HasStarted)
        {
            // Kestrel refuses an upgrade past Kestrel:Limits:MaxConcurrentUpgradedConnections by throwing here;
            // unhandled, the client would get an empty 500.
            context.Response.Headers.Remove(ConversationHeader);
            GatewayMetrics.Refused.Add(1, new KeyValuePair<string, object?>("reason", "upgrade_limit"));
            await ErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "the server holds its maximum of open WebSocket connections; try again shortly", options.RetryAfter);
            return null;
        }
    }

    /// <summary>Attaches to the conversation to resume; the reason to refuse, or null.</summary>
    private static async Task<(int Status, string Message)?> ResumeRefusalAsync(SessionLink session, TranslateRequest request, int resumeFrom)
    {
        if (await session.AttachAsync(resumeFrom) is not { } options)
        {
            return (StatusCodes.Status404NotFound, $"conversation {request.Conversation} cannot be resumed: it is unknown, has expired, or belongs to another tenant");
        }

        // The candidate list is compared too: a conversation that detected among en-US and es-ES does not resume as an en-US one.
        var from = options.DetectsLanguage ? string.Join(',', options.Candidates.Select(c => c.Locale)) : options.SpeechLocale;
        return from.Equals(request.From, StringComparison.OrdinalIgnoreCase) && options.Targets.SequenceEqual(request.Targets, StringComparer.OrdinalIgnoreCase)
            ? null
            : (StatusCodes.Status400BadRequest, $"a resumed conversation keeps its languages: from={from}&to={string.Join(',', options.Targets)}");
    }
}
