using YamlDotNet.RepresentationModel;

namespace SpeechCluster.Deploy.Tests;

/// <summary>What one manifest names, another one defines: selectors, ports, ConfigMaps, Secrets, targets.</summary>
public sealed class CrossReferenceTests
{
    [Fact]
    public void Deployments_SelectTheirOwnPods()
    {
        foreach (var deployment in Manifests.Deployments)
        {
            var selector = deployment.Deployment.Spec.Map("selector").MapOrNull("matchLabels").Pairs();
            Assert.True(deployment.Matches(selector), $"{deployment}: selector does not match its pod labels");
        }
    }

    [Fact]
    public void Services_SelectExactlyOneDeployment_OnAPortItDeclares()
    {
        foreach (var service in Manifests.OfKind("Service"))
        {
            var selector = service.Spec.MapOrNull("selector").Pairs();
            var target = Assert.Single(Manifests.Deployments, d => d.Matches(selector));
            foreach (var port in service.Spec.Maps("ports"))
            {
                var targetPort = port.StrOrNull("targetPort") ?? port.Str("port");
                Assert.True(target.PortRefs.Contains(targetPort), $"{service}: targetPort {targetPort} is not a port of {target}");
            }
        }
    }

    [Fact]
    public void Probes_UsePortsTheirContainerDeclares()
    {
        var probes = 0;
        foreach (var deployment in Manifests.Deployments)
        {
            foreach (var container in deployment.Containers)
            {
                var ports = container.Maps("ports").SelectMany(p => new[] { p.StrOrNull("name"), p.Str("containerPort") }).OfType<string>().ToHashSet();
                foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" }.Select(container.MapOrNull).OfType<YamlMappingNode>())
                {
                    probes++;
                    var action = probe.MapOrNull("httpGet") ?? probe.MapOrNull("tcpSocket");
                    if (action is not null)
                    {
                        Assert.True(ports.Contains(action.Str("port")), $"{deployment}: a probe uses port {action.Str("port")}, not one of its container's");
                    }
                    else
                    {
                        Assert.NotNull(probe.MapOrNull("exec"));
                    }
                }
            }
        }

        Assert.True(probes >= 10, $"only {probes} probes");
    }

    [Fact]
    public void EveryContainer_HasReadinessAndLivenessProbes()
    {
        foreach (var container in Manifests.Deployments.SelectMany(d => d.Containers))
        {
            Assert.NotNull(container.MapOrNull("readinessProbe"));
            Assert.NotNull(container.MapOrNull("livenessProbe"));
        }
    }

    [Fact]
    public void PortNames_AreValidKubernetesPortNames()
    {
        foreach (var port in Manifests.Deployments.SelectMany(d => d.Containers).SelectMany(c => c.Maps("ports")))
        {
            var name = port.Str("name");
            Assert.True(name.Length <= 15 && System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"), $"port name '{name}'");
        }
    }

    [Fact]
    public void ConfigMapsAndSecrets_ThatContainersReadFrom_Exist()
    {
        var configMaps = Manifests.ConfigMaps;
        var secrets = Manifests.Secrets;
        foreach (var container in Manifests.Deployments.SelectMany(d => d.Containers))
        {
            foreach (var source in container.Maps("envFrom"))
            {
                if (source.MapOrNull("configMapRef") is { } configMap)
                {
                    Assert.True(configMaps.ContainsKey(configMap.Str("name")), $"no ConfigMap {configMap.Str("name")}");
                }

                if (source.MapOrNull("secretRef") is { } secret)
                {
                    Assert.True(secrets.ContainsKey(secret.Str("name")), $"no Secret {secret.Str("name")}");
                }
            }

            foreach (var valueFrom in container.Maps("env").Select(e => e.MapOrNull("valueFrom")).OfType<YamlMappingNode>())
            {
                if (valueFrom.MapOrNull("configMapKeyRef") is { } configMapKey)
                {
                    Assert.Contains(configMapKey.Str("key"), configMaps[configMapKey.Str("name")].Keys);
                }

                if (valueFrom.MapOrNull("secretKeyRef") is { } secretKey)
                {
                    Assert.Contains(secretKey.Str("key"), secrets[secretKey.Str("name")]);
                }
            }
        }
    }

    [Fact]
    public void Autoscalers_AndDisruptionBudgets_TargetExistingDeployments()
    {
        foreach (var hpa in Manifests.OfKind("HorizontalPodAutoscaler"))
        {
            var target = hpa.Spec.Map("scaleTargetRef");
            Assert.Equal("Deployment", target.Str("kind"));
            var deployment = Manifests.Deployment(target.Str("name"));
            // A replica count in the Deployment would fight the autoscaler on every apply.
            Assert.Null(deployment.Deployment.Spec.StrOrNull("replicas"));
            Assert.All(deployment.Containers, c => Assert.NotNull(c.Map("resources").Map("requests").StrOrNull("cpu")));
        }

        foreach (var pdb in Manifests.OfKind("PodDisruptionBudget"))
        {
            var selector = pdb.Spec.Map("selector").MapOrNull("matchLabels").Pairs();
            Assert.Single(Manifests.Deployments, d => d.Matches(selector));
        }

        Assert.Contains(Manifests.OfKind("HorizontalPodAutoscaler"), h => h.Spec.Map("scaleTargetRef").Str("name") == "speechcluster-silo-cpu");
    }

    [Fact]
    public void GatewayProbes_CallTheGatewaysHealthEndpoints()
    {
        var gateway = Manifests.Deployment("speechcluster-gateway").Containers.Single();

        Assert.Equal(Gateway.Endpoints.HealthEndpoints.ReadyPath, gateway.Map("readinessProbe").Map("httpGet").Str("path"));
        Assert.Equal(Gateway.Endpoints.HealthEndpoints.LivePath, gateway.Map("livenessProbe").Map("httpGet").Str("path"));
    }

    [Fact]
    public void GpuSilos_AskForAGpu_AndAdvertiseIt()
    {
        var gpu = Manifests.Deployment("speechcluster-silo-gpu");
        var container = gpu.Containers.Single();

        Assert.Equal("1", container.Map("resources").Map("limits").Str("nvidia.com/gpu"));
        Assert.NotEmpty(gpu.PodSpec.MapOrNull("nodeSelector").Pairs());
        var env = container.Maps("env").ToDictionary(e => e.Str("name"), e => e.StrOrNull("value"));
        Assert.Equal("true", env["SpeechCluster__Silo__Gpu"]);
        Assert.False(string.IsNullOrWhiteSpace(env["SpeechCluster__Silo__Engines"]));
    }
}
