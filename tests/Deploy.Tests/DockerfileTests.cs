namespace SpeechCluster.Deploy.Tests;

/// <summary>
/// The images' build files name what this checkout has. The images themselves are not built here
/// (no Docker engine on the build machines).
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Names => [.. Dockerfile.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void CopiedPaths_Exist_AndAreNotDockerIgnored(string name)
    {
        var dockerfile = Dockerfile.Load(name);

        Assert.NotEmpty(dockerfile.ContextSources);
        foreach (var source in dockerfile.ContextSources)
        {
            var path = Repository.PathOf(source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{name}: COPY {source}: not in the repository");
            Assert.False(DockerIgnore.Excludes(source), $"{name}: COPY {source}: excluded by .dockerignore");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RestoredAndPublishedProjects_Exist_AndAreCopiedFirst(string name)
    {
        var dockerfile = Dockerfile.Load(name);
        var projects = dockerfile.DotnetProjects.ToList();

        Assert.Equal(2, projects.Count);   // restore, then publish
        Assert.Single(projects.Distinct());
        Assert.True(File.Exists(Repository.PathOf(projects[0])), $"{name}: {projects[0]} does not exist");
        // Restored from the project files alone: each project it references must be copied before the restore.
        Assert.Contains(projects[0], dockerfile.ContextSources);
        foreach (var project in new[] { "Engines/SpeechCluster.Engines.csproj", "Grains.Interfaces/SpeechCluster.Grains.Interfaces.csproj", "Grains/SpeechCluster.Grains.csproj" })
        {
            Assert.Contains("src/" + project, dockerfile.ContextSources);
        }
    }

    [Fact]
    public void DockerIgnore_KeepsDevelopmentSecretsAndBuildOutputOut()
    {
        Assert.True(DockerIgnore.Excludes(".speechcluster/dev-key"));
        Assert.True(DockerIgnore.Excludes("src/Gateway/bin/Release/net10.0/x.dll"));
        Assert.True(DockerIgnore.Excludes("deploy/k8s/secrets.env"));
        Assert.False(DockerIgnore.Excludes("src/Gateway/Program.cs"));
    }

    [Fact]
    public void GpuImage_BuildsWithTheGpuOnnxRuntime_OnCuda13()
    {
        var gpu = Dockerfile.Load("silo-gpu.Dockerfile");
        var dotnet = gpu.Arguments("RUN").Where(r => r.Contains("dotnet ", StringComparison.Ordinal)).ToList();

        // At restore and publish alike: the property chooses the packages.
        Assert.Equal(2, dotnet.Count);
        Assert.All(dotnet, r => Assert.Contains("-p:OnnxRuntimeFlavor=Gpu", r, StringComparison.Ordinal));
        Assert.Contains(gpu.Arguments("ARG"), a => a.StartsWith("CUDA_IMAGE=nvidia/cuda:13.", StringComparison.Ordinal));

        var engines = File.ReadAllText(Repository.PathOf("src/Engines/SpeechCluster.Engines.csproj"));
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux\" Condition=\"'$(OnnxRuntimeFlavor)' == 'Gpu'\"", engines, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ML.OnnxRuntime\" Condition=\"'$(OnnxRuntimeFlavor)' != 'Gpu'\"", engines, StringComparison.Ordinal);
    }

    [Fact]
    public void CpuImages_KeepTheCpuOnnxRuntime()
    {
        foreach (var name in new[] { "gateway.Dockerfile", "silo-cpu.Dockerfile" })
        {
            Assert.DoesNotContain(Dockerfile.Load(name).Arguments("RUN"), r => r.Contains("OnnxRuntimeFlavor", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CpuSilo_InstallsTheEnginePackagesThatSetupInstalls()
    {
        var run = string.Join('\n', Dockerfile.Load("silo-cpu.Dockerfile").Arguments("RUN"));

        Assert.Contains("install_packages \"${runtime_packages[@]}\"", run, StringComparison.Ordinal);
        var setup = File.ReadAllText(Repository.PathOf("scripts/setup.sh"));
        Assert.Contains("runtime_packages=(", setup, StringComparison.Ordinal);
        Assert.Contains("install_packages() {", setup, StringComparison.Ordinal);
        Assert.Contains("fetch_silero() {", setup, StringComparison.Ordinal);
        Assert.Contains("fetch_profanity_lists() {", setup, StringComparison.Ordinal);
    }
}
