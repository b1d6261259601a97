using System.Globalization;
using System.Text.Json;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Protocol;

namespace SpeechCluster.Gateway.Endpoints;

/// <summary>
/// The token services clients call before connecting: <c>POST /sts/v1.0/issueToken</c> (a key in,
/// a bare JWT out) and the legacy DataMarket <c>POST /v2/OAuth2-13</c> (form in, JSON out).
/// </summary>
internal static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/sts/v1.0/issueToken", IssueTokenAsync);
        endpoints.MapPost("/v2/OAuth2-13", LegacyTokenAsync);
        return endpoints;
    }

    private static async Task IssueTokenAsync(HttpContext context, TenantKeyStore keys, TokenService tokens)
    {
        // One client passes ?Subscription-Key=<key> instead of the header.
        var key = context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString() is { Length: > 0 } header
            ? header
            : context.Request.Query["Subscription-Key"].ToString();
        if (await keys.FindTenantAsync(key, context.RequestAborted) is not { } tenant)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized,
                key.Length == 0 ? "send the subscription key in Ocp-Apim-Subscription-Key" : "the subscription key is not valid");
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(tokens.Issue(tenant));
    }

    private static async Task LegacyTokenAsync(HttpContext context, TenantKeyStore keys, TokenService tokens)
    {
        IFormCollection? form;
        try
        {
            form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // A malformed body (%00, a multipart without boundary or cut short) or one over the form limits.
            await WriteLegacyErrorAsync(context, """{"error":"invalid_request","error_description":"the form could not be read: malformed, or over the form limits"}""");
            return;
        }

        if (await keys.FindTenantAsync(form?["client_secret"].ToString(), context.RequestAborted) is not { } tenant)
        {
            await WriteLegacyErrorAsync(context, """{"error":"invalid_client","error_description":"client_secret must be a valid subscription key"}""");
            return;
        }

        var response = new LegacyTokenResponse(
            "http://schemas.xmlsoap.org/ws/2009/11/swt-token-profile-1.0",
            tokens.Issue(tenant),
            ((int)tokens.Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            form?["scope"].ToString() is { Length: > 0 } scope ? scope : "http://api.microsofttranslator.com");
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(response, GatewayJsonContext.Default.LegacyTokenResponse));
    }

    /// <summary>An OAuth 2.0 error response (RFC 6749 §5.2), as the DataMarket service answered.</summary>
    private static Task WriteLegacyErrorAsync(HttpContext context, string json)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json);
    }
}
