using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>A gateway in client mode joins a silo running as its own process (src/Silo).</summary>
public sealed class StandaloneSiloTests
{
    [Fact]
    public async Task ClientModeGateway_StandaloneSilo_ServesAConversation()
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltPrograms.Silo);
        start.Environment["SpeechCluster__Cluster__SiloPort"] = siloPort.ToString();
        start.Environment["SpeechCluster__Cluster__GatewayPort"] = gatewayPort.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        using var silo = Process.Start(start)!;
        try
        {
            await WaitForLineAsync(silo, "Application started", TimeSpan.FromSeconds(60));
            await using var gateway = await GatewayServer.StartAsync(new Dictionary<string, string?>
            {
                ["SpeechCluster:Cluster:Mode"] = "Client",
                ["SpeechCluster:Cluster:GatewayPort"] = gatewayPort.ToString(),
            });
            var speech = Speech.Sentences("hello world");
            await using var client = await ProtocolClient.ConnectAsync(gateway.WebSocketUri, "api-version=1.0&from=en-US&to=es");

            await client.SendAsync(WavHeaders.Standard());
            await client.SendAudioAsync(speech.Samples);
            await client.CloseAndDrainAsync(TimeSpan.FromSeconds(60));

            var final = Assert.Single(client.Finals);
            Assert.Contains("hello", final.GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Hola", final.GetProperty("translation").GetString()!, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    private static async Task WaitForLineAsync(Process process, string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                // Keep draining so the silo never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"the silo exited before printing '{text}': {await process.StandardError.ReadToEndAsync(CancellationToken.None)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
