using SpeechCluster.Gateway.Hosting;

namespace SpeechCluster.Deploy.Tests;

/// <summary>What Orleans' Kubernetes hosting needs of the silo pods, and how gateways and silos agree.</summary>
public sealed class OrleansKubernetesTests
{
    private static IReadOnlyDictionary<string, string> Config => Manifests.ConfigMaps["speechcluster-config"];

    [Fact]
    public void SiloDeployments_AreTheCpuAndGpuSilos()
    {
        Assert.Equal(["speechcluster-silo-cpu", "speechcluster-silo-gpu"], Manifests.Silos.Select(s => s.Name).Order());
        Assert.Equal("Kubernetes", Config["SpeechCluster__Cluster__Provider"]);
    }

    [Fact]
    public void Silos_CarryTheClusterLabels_ThatMatchTheGatewaysSettings()
    {
        // Silos take their ids from these labels, gateways (Orleans clients) from the settings:
        // a difference would split them into two clusters that never meet.
        foreach (var silo in Manifests.Silos)
        {
            Assert.Equal(Config["SpeechCluster__Cluster__ServiceId"], silo.PodLabels[OrleansLabels.ServiceId]);
            Assert.Equal(Config["SpeechCluster__Cluster__ClusterId"], silo.PodLabels[OrleansLabels.ClusterId]);
        }
    }

    [Fact]
    public void Silos_HaveTheHostingVariables_FromTheDownwardApi()
    {
        var expected = new Dictionary<string, string>
        {
            ["POD_NAME"] = "metadata.name",
            ["POD_NAMESPACE"] = "metadata.namespace",
            ["POD_IP"] = "status.podIP",
            ["ORLEANS_SERVICE_ID"] = $"metadata.labels['{OrleansLabels.ServiceId}']",
            ["ORLEANS_CLUSTER_ID"] = $"metadata.labels['{OrleansLabels.ClusterId}']",
        };
        Assert.Equal(OrleansLabels.EnvironmentVariables.Order(), expected.Keys.Order());
        foreach (var silo in Manifests.Silos)
        {
            var env = silo.Containers.Single().Maps("env").ToDictionary(e => e.Str("name"));
            foreach (var (name, field) in expected)
            {
                Assert.True(env.ContainsKey(name), $"{silo}: no {name}");
                Assert.Equal(field, env[name].Map("valueFrom").Map("fieldRef").Str("fieldPath"));
            }

            // Without it a silo advertises loopback, which no other pod can reach.
            Assert.Equal("$(POD_IP)", env["SpeechCluster__Cluster__AdvertisedAddress"].Str("value"));
        }
    }

    [Fact]
    public void Silos_UseAServiceAccount_ThatMayWatchAndDeletePods()
    {
        var role = Assert.Single(Manifests.OfKind("Role"));
        var verbs = role.Root.Maps("rules")
            .Where(r => r.Strings("apiGroups").Contains("") && r.Strings("resources").Contains("pods"))
            .SelectMany(r => r.Strings("verbs"))
            .ToHashSet();
        // Orleans.Hosting.Kubernetes 10.4.2 reads, lists, watches, deletes and patches pods.
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "delete", "patch" }, verbs);

        var binding = Assert.Single(Manifests.OfKind("RoleBinding"));
        Assert.Equal("Role", binding.Root.Map("roleRef").Str("kind"));
        Assert.Equal(role.Name, binding.Root.Map("roleRef").Str("name"));
        var subject = Assert.Single(binding.Root.Maps("subjects"));
        Assert.Equal("ServiceAccount", subject.Str("kind"));
        Assert.Equal(binding.Namespace, subject.Str("namespace"));
        Assert.Contains(Manifests.OfKind("ServiceAccount"), a => a.Name == subject.Str("name"));

        foreach (var silo in Manifests.Silos)
        {
            Assert.Equal(subject.Str("name"), silo.PodSpec.Str("serviceAccountName"));
        }
    }

    [Fact]
    public void GatewaysAndSilos_ReadTheSharedSettings_AndGatewaysJoinAsClients()
    {
        var gateway = Manifests.Deployment("speechcluster-gateway");
        foreach (var workload in Manifests.Silos.Append(gateway))
        {
            Assert.Contains(workload.Containers.Single().Maps("envFrom"), e => e.MapOrNull("configMapRef")?.Str("name") == "speechcluster-config");
        }

        var env = gateway.Containers.Single().Maps("env").ToDictionary(e => e.Str("name"), e => e.StrOrNull("value"));
        Assert.Equal("Client", env["SpeechCluster__Cluster__Mode"]);
        Assert.StartsWith("http://+:", env["ASPNETCORE_URLS"], StringComparison.Ordinal);
    }

    [Fact]
    public void GracePeriods_OutlastTheGatewaysDrainAndCloseTimeouts()
    {
        // DrainTimeout is being added to GatewayOptions (default 30 s); until then, 30 s is assumed.
        var options = new GatewayOptions();
        var drain = typeof(GatewayOptions).GetProperty("DrainTimeout")?.GetValue(options) as TimeSpan? ?? TimeSpan.FromSeconds(30);
        var longest = drain > options.CloseTimeout ? drain : options.CloseTimeout;

        foreach (var workload in Manifests.Silos.Append(Manifests.Deployment("speechcluster-gateway")))
        {
            var grace = TimeSpan.FromSeconds(int.Parse(workload.PodSpec.Str("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(grace > longest, $"{workload}: {grace.TotalSeconds} s of grace, the gateway may need {longest.TotalSeconds} s");
        }
    }
}
