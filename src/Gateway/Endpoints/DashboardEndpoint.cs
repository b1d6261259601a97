using Orleans.Dashboard;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.Gateway.Endpoints;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c> when <see cref="DashboardSettings.Enabled"/>, for
/// operators only: every request under it needs an admin key (a browser asks for it through HTTP
/// Basic auth; any user name, the key as password).
/// </summary>
internal static class DashboardEndpoint
{
    public const string Path = "/dashboard";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        if (!DashboardSettings.IsEnabled(app.Configuration))
        {
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            if (!await AdminKeys.IsAdminAsync(context))
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"SpeechCluster dashboard\"";
                await ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "the dashboard needs an admin key (the password of Basic auth, or the X-Admin-Key header)");
                return;
            }

            await next(context);
        }));
        app.MapOrleansDashboard(routePrefix: Path);
        return app;
    }
}
