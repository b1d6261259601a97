using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.Gateway.Hosting;

internal static class OrleansHosting
{
    /// <summary>
    /// <c>Embedded</c> (default): a silo runs in this process, with the engines of
    /// <c>SpeechCluster:Silo:Engines</c> (all by default; none makes a gateway that only hosts
    /// conversations). <c>Client</c>: the gateway joins silos started apart (src/Silo) as an
    /// Orleans client and runs no grains itself.
    /// </summary>
    public static WebApplicationBuilder AddSpeechClusterOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[GatewayRoleSettings.ModeKey] ?? "Embedded";
        if (mode.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo
                .UseSpeechClusterClustering(builder.Configuration)
                .AddSpeechClusterGrains(builder.Configuration));
        }
        else if (mode.Equals("Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client =>
            {
                client.UseSpeechClusterClustering(builder.Configuration);
                if (DashboardSettings.IsEnabled(builder.Configuration))
                {
                    Orleans.Dashboard.ServiceCollectionExtensions.AddDashboard(client);
                }
            });
        }
        else
        {
            throw new InvalidOperationException($"{GatewayRoleSettings.ModeKey} '{mode}' is not Embedded or Client.");
        }

        return builder;
    }
}

/// <summary>Where the gateway's grains run.</summary>
internal static class GatewayRoleSettings
{
    public const string ModeKey = "SpeechCluster:Cluster:Mode";
}
