using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace SpeechCluster.Grains.Hosting;

/// <summary>Membership and endpoints for silos and for gateways that join as clients, from <see cref="ClusterSettings"/>.</summary>
public static class ClusterHosting
{
    public static ClusterSettings ClusterSettings(this IConfiguration configuration) =>
        configuration.GetSection(Hosting.ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();

    public static ISiloBuilder UseSpeechClusterClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.ClusterSettings();
        if (cluster.UsesRedis)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            silo.UseRedisClustering(cluster.Redis);
            var address = cluster.AdvertisedAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;
            silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: cluster.AdvertisedAddress is not null);
            if (cluster.IsKubernetes)
            {
                // Takes the silo's name, address and cluster id from the pod; throws outside Kubernetes.
                silo.UseKubernetesHosting();
            }
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        // A stage span's worker calls join its trace, on whichever silo the worker runs. Costs
        // nothing until tracing is on (no listener, no activity).
        silo.AddActivityPropagation();

        // The strongly consistent directory (Orleans 9+): when a silo dies, the registrations it held
        // are rebuilt from the survivors instead of the survivors' activations being deactivated. With
        // the default directory, a session that merely had its directory entry on the dead silo was
        // torn down too, and had to be rebuilt from the gateway's audio.
#pragma warning disable ORLEANSEXP003 // evaluation API; Orleans' own test clusters run on it
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003

        silo.Configure<LoadSheddingOptions>(o =>
        {
            o.LoadSheddingEnabled = cluster.LoadShedding.Enabled;
            o.CpuThreshold = cluster.LoadShedding.CpuThreshold;
            o.MemoryThreshold = cluster.LoadShedding.MemoryThreshold;
        });

        if (cluster.FastFailureDetection)
        {
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // Measured: 1 s probes and 2 misses declare a killed silo dead in about 1 s (defaults: 10.5 s).
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
            // After a silo is declared dead, the directory refuses to re-register its grains until
            // this much time has passed since it could last have been alive, so that a silo that was
            // only cut off has learned it is dead first. Orleans' 30 s default is sized for its slow
            // detection (it leaves no wait at all there); with ours it would leave 22 s in which a
            // conversation's replacement grains cannot start. 10 s leaves about 2 s, enough for a cut
            // off silo to read the table (refreshed every 2 s) and stop.
            silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = TimeSpan.FromSeconds(10));
        }

        return silo;
    }

    public static IClientBuilder UseSpeechClusterClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = configuration.ClusterSettings();
        if (cluster.UsesRedis)
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
            client.UseRedisClustering(cluster.Redis);
        }
        else
        {
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
        }

        client.AddActivityPropagation();

        // Learn about silos that joined or died within a second or two, not the default minute.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        return client;
    }
}
