using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Tls;

/// <summary>
/// The real gateway configured for HTTPS as the README's "TLS" section tells a user: a Kestrel
/// endpoint with a PEM certificate and key, given as command-line settings (so that the gateway's
/// loopback default sees them, as it sees environment variables).
/// </summary>
public sealed class TlsGateway : IAsyncLifetime
{
    private WebApplication? _app;

    public TestCertificate Certificate { get; } = new();

    public CollectingLoggerProvider Logs { get; } = new();

    /// <summary>Every address the server listens on.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public Uri WebSocketUri => new UriBuilder(Addresses.Single()) { Scheme = "wss" }.Uri;

    public async Task InitializeAsync()
    {
        _app = Create(
        [
            $"--Kestrel:Endpoints:Https:Certificate:Path={Certificate.CertificatePath}",
            $"--Kestrel:Endpoints:Https:Certificate:KeyPath={Certificate.KeyPath}",
        ], Logs);
        await _app.StartAsync();
        Addresses = ListeningOn(_app);
    }

    /// <summary>A gateway with one HTTPS endpoint on a free loopback port and the given certificate settings.</summary>
    public static WebApplication Create(IEnumerable<string> certificateSettings, ILoggerProvider? logs = null) => GatewayApp.Create(
    [
        "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
        .. certificateSettings,
        $"--SpeechCluster:Auth:Tenants:{GatewayServer.Tenant}:Keys:0={GatewayServer.Key}",
        $"--SpeechCluster:Cluster:SiloPort={LoopbackPorts.Free()}",
        $"--SpeechCluster:Cluster:GatewayPort={LoopbackPorts.Free()}",
        "--Logging:LogLevel:Default=Warning",
    ], builder =>
    {
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
    });

    public static IReadOnlyList<string> ListeningOn(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await StopAsync(_app);
        }

        Certificate.Dispose();
    }

    public static async Task StopAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }
}
