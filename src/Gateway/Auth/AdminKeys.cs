using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Metering;

namespace SpeechCluster.Gateway.Auth;

/// <summary>
/// The operators' keys (<see cref="MeteringOptions.AdminKeyHashes"/>) for <c>/admin/usage</c> and
/// <c>/dashboard</c>, checked as tenant keys are (constant time, PBKDF2 bounded and remembered).
/// A key comes in the <c>X-Admin-Key</c> header or, for a browser, as the password of HTTP Basic auth.
/// </summary>
internal static class AdminKeys
{
    public const string ServiceKey = "admin-keys";
    public const string Header = "X-Admin-Key";

    public static TenantKeyStore CreateStore(MeteringOptions options) =>
        new(Options.Create(new AuthOptions { Tenants = { ["admin"] = new TenantOptions { KeyHashes = options.AdminKeyHashes } } }));

    public static async Task<bool> IsAdminAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredKeyedService<TenantKeyStore>(ServiceKey).FindTenantAsync(Presented(context.Request), context.RequestAborted) is not null;

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header].ToString() is { Length: > 0 } key)
        {
            return key;
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var basic)
            && basic.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && basic.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                return pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
