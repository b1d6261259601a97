using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using SpeechCluster.Grains.Hosting;

namespace SpeechCluster.Grains.Tests;

/// <summary>A one-silo test cluster with the real embedded engines, shared by the grain tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<EnginesConfigurator>()
        .Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class EnginesConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddSpeechClusterGrains(new ConfigurationBuilder().Build());
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
