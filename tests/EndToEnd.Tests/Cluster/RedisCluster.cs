using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Cluster;

/// <summary>Redis, silos as processes, and a gateway in client mode: a cluster on loopback.</summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private RedisCluster(RedisServer redis, IReadOnlyList<SiloProcess> silos, GatewayServer gateway)
    {
        Redis = redis;
        Silos = silos;
        Gateway = gateway;
    }

    public RedisServer Redis { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public GatewayServer Gateway { get; }

    public static Task<RedisCluster> StartAsync(params string[] siloEngines) =>
        StartAsync(siloEngines.Select(engines => (engines, (IReadOnlyDictionary<string, string?>?)null)).ToArray());

    /// <param name="silos">Per silo, its engines and any more settings (a neural models directory, say).</param>
    public static async Task<RedisCluster> StartAsync(params (string Engines, IReadOnlyDictionary<string, string?>? Settings)[] silos)
    {
        var redis = await RedisServer.StartAsync();
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var processes = new List<SiloProcess>();
        foreach (var (engines, settings) in silos)
        {
            processes.Add(await SiloProcess.StartAsync(redis.ConnectionString, clusterId, engines, settings));
        }

        var gateway = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Cluster:Mode"] = "Client",
            ["SpeechCluster:Cluster:Provider"] = "Redis",
            ["SpeechCluster:Cluster:Redis"] = redis.ConnectionString,
            ["SpeechCluster:Cluster:ClusterId"] = clusterId,
            ["SpeechCluster:Gateway:CatalogCacheDuration"] = "00:00:01",
        });
        return new RedisCluster(redis, processes, gateway);
    }

    /// <summary>Per silo port, how many activations of each grain class it holds.</summary>
    public async Task<Dictionary<int, Dictionary<string, int>>> ActivationsAsync()
    {
        var management = Gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        // Simple statistics count stateless worker activations too (the detailed ones do not).
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics
            .Where(s => s.GrainType.StartsWith("SpeechCluster", StringComparison.Ordinal) && s.ActivationCount > 0)
            .GroupBy(s => s.SiloAddress.Endpoint.Port)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.GrainType.Split(',')[0].Split('.')[^1]).ToDictionary(t => t.Key, t => t.Sum(x => x.ActivationCount)));
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
