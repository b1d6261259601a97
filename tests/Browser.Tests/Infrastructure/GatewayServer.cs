using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Browser.Tests.Infrastructure;

/// <summary>
/// The real gateway (embedded silo, real engines, the browser page) on a free loopback port; the
/// trimmed twin of the end-to-end tests' server, so that this project needs nothing from them.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    public const string Key = "browser-test-key-0123456789";

    private GatewayServer(WebApplication app, Uri httpUri)
    {
        App = app;
        HttpUri = httpUri;
    }

    public WebApplication App { get; }

    public Uri HttpUri { get; }

    public static async Task<GatewayServer> StartAsync()
    {
        var app = GatewayApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SpeechCluster:Auth:Tenants:browser:Keys:0"] = Key,
                ["SpeechCluster:Auth:TokenSecret"] = "browser-token-secret-0123456789abcdef012345",
                // Each server its own usage file: servers of one test run must not share (and race on) one.
                ["SpeechCluster:Metering:File"] = Path.Combine(Path.GetTempPath(), $"speechcluster-usage-{Guid.NewGuid():N}.json"),
                ["SpeechCluster:Cluster:SiloPort"] = LoopbackPorts.Free().ToString(),
                ["SpeechCluster:Cluster:GatewayPort"] = LoopbackPorts.Free().ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
