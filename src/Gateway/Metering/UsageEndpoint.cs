using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Protocol;

namespace SpeechCluster.Gateway.Metering;

/// <summary>
/// <c>GET /admin/usage?month=2026-11[&amp;tenant=acme]</c>: what each tenant used in a month, for
/// billing. Only with an admin key (header <c>X-Admin-Key</c>) matching one of
/// <see cref="MeteringOptions.AdminKeyHashes"/>; without one configured, nobody may read it.
/// </summary>
internal static class UsageEndpoint
{
    public const string Path = "/admin/usage";
    public const string KeyHeader = AdminKeys.Header;

    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IUsageStore store, TimeProvider time)
    {
        if (!await AdminKeys.IsAdminAsync(context))
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, $"the usage of tenants needs an admin key in the {KeyHeader} header");
            return;
        }

        var month = context.Request.Query["month"].ToString();
        if (month.Length == 0)
        {
            month = Usage.MonthOf(time.GetUtcNow());
        }
        else if (!DateTime.TryParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "month must be written yyyy-MM, e.g. 2026-11");
            return;
        }

        var usage = await store.GetMonthAsync(month, context.RequestAborted);
        var tenant = context.Request.Query["tenant"].ToString();
        var tenants = tenant.Length == 0 ? usage : usage.Where(u => u.Key == tenant).ToDictionary();
        await context.Response.WriteAsJsonAsync(new
        {
            month,
            tenants = tenants.ToDictionary(u => u.Key, u => new
            {
                audioSeconds = Math.Round(u.Value.AudioSeconds, 3),
                charactersTranslated = u.Value.CharactersTranslated,
                charactersSynthesized = u.Value.CharactersSynthesized,
            }),
        });
    }
}
