using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real gateway with its embedded silo and engines, listening on a free loopback port: tests
/// talk to it over real sockets. Each instance gets its own silo ports so several can run at once.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    public const string Tenant = "tests";
    public const string Key = "e2e-test-key-0123456789";
    public const string OtherTenant = "other";
    public const string OtherKey = "e2e-other-key-0123456789";

    private GatewayServer(WebApplication app, Uri httpUri, CollectingLoggerProvider logs)
    {
        App = app;
        HttpUri = httpUri;
        Logs = logs;
    }

    /// <summary>What the gateway logged (warnings and above unless the settings say otherwise), for failure messages.</summary>
    public CollectingLoggerProvider Logs { get; }

    public WebApplication App { get; }

    public Uri HttpUri { get; }

    public Uri WebSocketUri => new UriBuilder(HttpUri) { Scheme = "ws" }.Uri;

    public IServiceProvider Services => App.Services;

    public static async Task<GatewayServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            [$"SpeechCluster:Auth:Tenants:{Tenant}:Keys:0"] = Key,
            [$"SpeechCluster:Auth:Tenants:{OtherTenant}:Keys:0"] = OtherKey,
            ["SpeechCluster:Auth:TokenSecret"] = "e2e-token-secret-0123456789abcdef0123456789",
            // Each server its own usage file: servers of one test run must not share (and race on) one.
            ["SpeechCluster:Metering:File"] = Path.Combine(Path.GetTempPath(), $"speechcluster-usage-{Guid.NewGuid():N}.json"),
            ["SpeechCluster:Cluster:SiloPort"] = LoopbackPorts.Free().ToString(),
            ["SpeechCluster:Cluster:GatewayPort"] = LoopbackPorts.Free().ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var logs = new CollectingLoggerProvider();
        var app = GatewayApp.Create([], builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(configuration);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayServer(app, new Uri(address), logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
