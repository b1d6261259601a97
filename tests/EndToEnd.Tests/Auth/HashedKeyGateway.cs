using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Auth;

/// <summary>
/// The real gateway whose only tenant key is a hash made by the real <c>speechcluster hash-key</c>:
/// its configuration holds no plain key.
/// </summary>
public sealed class HashedKeyGateway : IAsyncLifetime
{
    public const string Tenant = "hashed";

    /// <summary>The key the operator gave out; it appears nowhere in the gateway's configuration.</summary>
    public string Key { get; } = "hashed-key-" + Guid.NewGuid().ToString("N");

    public string KeyHash { get; private set; } = "";

    public WebApplication App { get; private set; } = null!;

    public Uri HttpUri { get; private set; } = null!;

    public Uri WebSocketUri => new UriBuilder(HttpUri) { Scheme = "ws" }.Uri;

    public async Task InitializeAsync()
    {
        KeyHash = await HashKeyAsync(Key);
        App = Create([$"--SpeechCluster:Auth:Tenants:{Tenant}:KeyHashes:0={KeyHash}"]);
        await App.StartAsync();
        HttpUri = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A gateway on a free loopback port with these auth settings and nothing else of them.</summary>
    public static WebApplication Create(IEnumerable<string> authSettings) => GatewayApp.Create(
    [
        .. authSettings,
        $"--SpeechCluster:Cluster:SiloPort={LoopbackPorts.Free()}",
        $"--SpeechCluster:Cluster:GatewayPort={LoopbackPorts.Free()}",
        "--Logging:LogLevel:Default=Warning",
    ], builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));

    public async Task DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }

    /// <summary>Runs <c>speechcluster hash-key</c> with the key on its standard input, as the README shows.</summary>
    public static async Task<string> HashKeyAsync(string key)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltPrograms.Cli);
        start.ArgumentList.Add("hash-key");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(key);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"hash-key exited {process.ExitCode}: {await error}");
        return (await output).Trim();
    }
}
