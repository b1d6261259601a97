using Microsoft.Playwright;

namespace SpeechCluster.Browser.Tests.Infrastructure;

/// <summary>One gateway and one Playwright driver for every browser test: the engines load once.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public GatewayServer Server { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults in the test's output folder.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;

    public async Task InitializeAsync()
    {
        Server = await GatewayServer.StartAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        Playwright.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
