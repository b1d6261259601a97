using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.EndToEnd.Tests.Limits;
using SpeechCluster.Gateway.Connections;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// A gateway of its own for the hostile-client tests over real sockets: no other test's
/// connections are open on it, so its count of conversations says exactly what these tests left behind.
/// </summary>
public sealed class HostileGateway : IAsyncLifetime
{
    public GatewayServer Server { get; private set; } = null!;

    internal ConversationRegistry Registry => Server.Services.GetRequiredService<ConversationRegistry>();

    public async Task InitializeAsync() => Server = await GatewayServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Waits (up to 20 s) until exactly <paramref name="expected"/> conversations are open, then asserts it.</summary>
    public async Task AssertActiveAsync(int expected)
    {
        await AdmissionTests.WaitUntilAsync(() => Registry.ActiveCount == expected);
        Assert.Equal(expected, Registry.ActiveCount);
    }
}

[CollectionDefinition(Name)]
public sealed class HostileGatewayCollection : ICollectionFixture<HostileGateway>
{
    public const string Name = "hostile gateway";
}
