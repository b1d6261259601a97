using YamlDotNet.RepresentationModel;

namespace SpeechCluster.Deploy.Tests;

/// <summary>One Kubernetes object from deploy/k8s.</summary>
internal sealed record Manifest(string File, YamlMappingNode Root)
{
    public string Kind => Root.Str("kind");

    public string Name => Root.Map("metadata").Str("name");

    public string? Namespace => Root.Map("metadata").StrOrNull("namespace");

    public YamlMappingNode Spec => Root.Map("spec");

    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>A Deployment's pod template, read the way the checks need it.</summary>
internal sealed record Workload(Manifest Deployment)
{
    public string Name => Deployment.Name;

    public YamlMappingNode Template => Deployment.Spec.Map("template");

    public IReadOnlyDictionary<string, string> PodLabels => Template.Map("metadata").MapOrNull("labels").Pairs();

    public YamlMappingNode PodSpec => Template.Map("spec");

    public IReadOnlyList<YamlMappingNode> Containers => PodSpec.Maps("containers").ToList();

    /// <summary>Container ports by name and by number (as text), for Service targetPorts and probes.</summary>
    public IReadOnlySet<string> PortRefs => Containers
        .SelectMany(c => c.Maps("ports"))
        .SelectMany(p => new[] { p.StrOrNull("name"), p.Str("containerPort") })
        .OfType<string>()
        .ToHashSet();

    /// <summary>Whether the labels of a selector (all of them) are on this workload's pods.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> selector) =>
        selector.Count > 0 && selector.All(s => PodLabels.TryGetValue(s.Key, out var value) && value == s.Value);

    public override string ToString() => Deployment.ToString();
}

/// <summary>Everything under deploy/k8s, loaded once.</summary>
internal static class Manifests
{
    private static readonly Lazy<IReadOnlyList<Manifest>> Loaded = new(Load);

    public static IReadOnlyList<string> YamlFiles => Directory.GetFiles(Repository.K8s, "*.yaml", SearchOption.AllDirectories)
        .Concat(Directory.GetFiles(Repository.K8s, "*.yml", SearchOption.AllDirectories))
        .Where(f => Path.GetFileName(f) != "kustomization.yaml")
        .Select(f => Path.GetRelativePath(Repository.K8s, f).Replace(Path.DirectorySeparatorChar, '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static YamlMappingNode Kustomization => Yaml.LoadDocuments(Path.Combine(Repository.K8s, "kustomization.yaml")).Single();

    public static IReadOnlyList<Manifest> All => Loaded.Value;

    public static IEnumerable<Manifest> OfKind(string kind) => All.Where(m => m.Kind == kind);

    public static IReadOnlyList<Workload> Deployments => OfKind("Deployment").Select(d => new Workload(d)).ToList();

    /// <summary>Deployments whose pods are Orleans silos under Kubernetes hosting (they carry its labels).</summary>
    public static IReadOnlyList<Workload> Silos => Deployments.Where(d => d.PodLabels.ContainsKey(OrleansLabels.ServiceId)).ToList();

    public static Workload Deployment(string name) => Deployments.Single(d => d.Name == name);

    /// <summary>ConfigMap data by ConfigMap name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConfigMaps =>
        OfKind("ConfigMap").ToDictionary(m => m.Name, m => m.Root.MapOrNull("data").Pairs());

    /// <summary>
    /// Secret keys by Secret name: Secret objects, plus the kustomize secretGenerator, whose env file
    /// (never committed) is read from its committed <c>.example</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> Secrets
    {
        get
        {
            var secrets = OfKind("Secret").ToDictionary(
                m => m.Name,
                m => (IReadOnlyCollection<string>)m.Root.MapOrNull("data").Pairs().Keys.Concat(m.Root.MapOrNull("stringData").Pairs().Keys).ToList());
            foreach (var generator in Kustomization.Maps("secretGenerator"))
            {
                secrets[generator.Str("name")] = generator.Strings("envs").SelectMany(e => EnvFile.Read(Path.Combine(Repository.K8s, e + ".example")).Keys).ToList();
            }

            return secrets;
        }
    }

    private static List<Manifest> Load() =>
        YamlFiles.SelectMany(f => Yaml.LoadDocuments(Path.Combine(Repository.K8s, f)).Select(d => new Manifest(f, d))).ToList();
}

internal static class OrleansLabels
{
    // Orleans.Hosting.Kubernetes reads these pod labels and environment variables.
    public const string ServiceId = "orleans/serviceId";
    public const string ClusterId = "orleans/clusterId";

    public static readonly string[] EnvironmentVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"];
}

/// <summary>KEY=value lines of a kustomize env file; # comments and blank lines skipped.</summary>
internal static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Read(string path) => File.ReadAllLines(path)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
}
