namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>One gateway for the tests of the collection: engines load once.</summary>
public sealed class SharedGateway : IAsyncLifetime
{
    public GatewayServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GatewayServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<SharedGateway>
{
    public const string Name = "gateway";
}
