namespace SpeechCluster.Deploy.Tests;

/// <summary>deploy/k8s parses, every file is applied by kustomize, and everything lands in one namespace.</summary>
public sealed class KustomizationTests
{
    [Fact]
    public void EveryDocument_HasApiVersionKindAndName()
    {
        Assert.NotEmpty(Manifests.All);
        foreach (var manifest in Manifests.All)
        {
            Assert.False(string.IsNullOrEmpty(manifest.Root.StrOrNull("apiVersion")), $"{manifest.File}: a document without apiVersion");
            Assert.False(string.IsNullOrEmpty(manifest.Kind), $"{manifest.File}: a document without kind");
            Assert.False(string.IsNullOrEmpty(manifest.Name), $"{manifest.File}: a {manifest.Kind} without a name");
        }
    }

    [Fact]
    public void Kustomization_ListsEveryManifestFile_AndNoOther()
    {
        var listed = Manifests.Kustomization.Strings("resources").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Manifests.YamlFiles, listed);
    }

    [Fact]
    public void Objects_AreUnique_AndAllInTheNamespaceTheKustomizationSets()
    {
        var ns = Assert.Single(Manifests.OfKind("Namespace")).Name;
        Assert.Equal(ns, Manifests.Kustomization.Str("namespace"));

        foreach (var manifest in Manifests.All.Where(m => m.Kind != "Namespace"))
        {
            Assert.True(manifest.Namespace == ns, $"{manifest}: namespace '{manifest.Namespace}', expected '{ns}'");
        }

        var duplicates = Manifests.All.GroupBy(m => (m.Kind, m.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void SecretGenerator_EnvFile_IsIgnoredByGit_AndHasACommittedExample()
    {
        var gitignore = File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore"));
        foreach (var env in Manifests.Kustomization.Maps("secretGenerator").SelectMany(g => g.Strings("envs")))
        {
            Assert.True(File.Exists(Path.Combine(Repository.K8s, env + ".example")), $"{env}.example is missing");
            Assert.Contains("deploy/k8s/" + env, gitignore);
        }
    }

    [Fact]
    public void Images_OfOurContainers_AreNamedInTheKustomization()
    {
        var images = Manifests.Kustomization.Maps("images").Select(i => i.Str("name")).ToHashSet();
        var ours = Manifests.Deployments.SelectMany(d => d.Containers).Select(c => c.Str("image")).Where(i => i.StartsWith("speechcluster-", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, ours.Distinct().Count());
        Assert.All(ours, image => Assert.Contains(image, images));
    }
}
