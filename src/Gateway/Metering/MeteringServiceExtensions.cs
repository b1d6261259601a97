using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Auth;
using SpeechCluster.Grains.Hosting;
using StackExchange.Redis;

namespace SpeechCluster.Gateway.Metering;

internal static class MeteringServiceExtensions
{
    /// <summary>
    /// The usage store: the cluster's Redis when gateways share one (every gateway adds to the same
    /// counts), otherwise a file beside the embedded server's other state.
    /// </summary>
    public static WebApplicationBuilder AddSpeechClusterMetering(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeteringOptions>().BindConfiguration(MeteringOptions.Section);
        var cluster = builder.Configuration.ClusterSettings();
        if (cluster.UsesRedis)
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(cluster.Redis));
            builder.Services.AddSingleton<IUsageStore, RedisUsageStore>();
        }
        else
        {
            builder.Services.AddSingleton<IUsageStore>(services => new FileUsageStore(Path.Combine(
                services.GetRequiredService<IHostEnvironment>().ContentRootPath,
                services.GetRequiredService<IOptions<MeteringOptions>>().Value.File)));
        }

        builder.Services.AddSingleton<MonthlyQuotas>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddKeyedSingleton(AdminKeys.ServiceKey, (services, _) =>
            AdminKeys.CreateStore(services.GetRequiredService<IOptions<MeteringOptions>>().Value));
        return builder;
    }
}
