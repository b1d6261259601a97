using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.Gateway.Hosting;

internal static class OrleansHosting
{
    /// <summary>Hosts a silo with the engines in-process (embedded), or joins a cluster as a client.</summary>
    public static WebApplicationBuilder AddSpeechClusterOrleans(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(GatewayClusterOptions.Section).Get<GatewayClusterOptions>() ?? new();
        if (cluster.IsEmbedded)
        {
            builder.Services.AddSpeechClusterEngines(builder.Configuration);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort)
                .AddSpeechClusterGrains());
        }
        else if (cluster.Mode.Equals("Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client.UseLocalhostClustering(cluster.GatewayPort));
        }
        else
        {
            throw new InvalidOperationException($"GatewayClusterOptions.Mode '{cluster.Mode}' is not Embedded or Client.");
        }

        return builder;
    }
}
