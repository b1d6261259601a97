using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>A gateway in client mode joins a silo running as its own process (src/Silo) on localhost clustering.</summary>
public sealed class StandaloneSiloTests
{
    [Fact]
    public async Task ClientModeGateway_StandaloneSilo_ServesAConversation()
    {
        await using var silo = await SiloProcess.StartAsync(redis: null);
        await using var gateway = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Cluster:Mode"] = "Client",
            ["SpeechCluster:Cluster:GatewayPort"] = silo.GatewayPort.ToString(),
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
}
