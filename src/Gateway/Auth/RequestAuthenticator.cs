using Microsoft.Extensions.Primitives;

namespace SpeechCluster.Gateway.Auth;

/// <summary>
/// Finds the tenant of a request from, in order: <c>Authorization: Bearer</c>, the
/// <c>Ocp-Apim-Subscription-Key</c> header, the <c>access_token</c> query parameter, the
/// <c>subscription-key</c> query parameter. A query parameter is ignored when its header is present.
/// </summary>
internal sealed class RequestAuthenticator(TenantKeyStore keys, TokenService tokens)
{
    public async Task<AuthResult> AuthenticateAsync(HttpRequest request)
    {
        var bearer = BearerToken(request.Headers.Authorization);
        var headerKey = request.Headers["Ocp-Apim-Subscription-Key"].ToString();
        var token = bearer ?? (headerKey.Length == 0 ? NullIfEmpty(request.Query["access_token"]) : null);
        if (token is not null)
        {
            return await tokens.ValidateAsync(token) is { } tenant
                ? AuthResult.Success(tenant)
                : AuthResult.Failure("the access token is invalid or expired");
        }

        var key = headerKey.Length > 0 ? headerKey : NullIfEmpty(request.Query["subscription-key"]);
        if (key is null)
        {
            return AuthResult.Failure(
                "no credentials: send Ocp-Apim-Subscription-Key or Authorization: Bearer <token> " +
                "(or the subscription-key / access_token query parameters)");
        }

        return await keys.FindTenantAsync(key, request.HttpContext.RequestAborted) is { } keyTenant
            ? AuthResult.Success(keyTenant)
            : AuthResult.Failure("the subscription key is not valid");
    }

    private static string? BearerToken(StringValues authorization)
    {
        var value = authorization.ToString();
        const string Scheme = "Bearer ";
        return value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && value.Length > Scheme.Length
            ? value[Scheme.Length..].Trim()
            : null;
    }

    private static string? NullIfEmpty(StringValues value) => value.Count == 0 || value[0] is not { Length: > 0 } s ? null : s;
}

internal readonly record struct AuthResult(string? Tenant, string? Error)
{
    public bool Succeeded => Tenant is not null;

    public static AuthResult Success(string tenant) => new(tenant, null);

    public static AuthResult Failure(string error) => new(null, error);
}
