using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.EndToEnd.Tests.Limits;
using SpeechCluster.Gateway.Connections;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// Many more upgrade attempts at once than the gateway admits: each is answered at once, 101 while
/// there is room and 503 with Retry-After after, none hangs; the count of conversations is exact
/// afterwards, and a conversation running through the storm is unaffected.
/// </summary>
public sealed class ConnectStormTests
{
    private const int MaxConnections = 50;
    private const int Attempts = 300;

    [Fact]
    public async Task Storm_of_upgrades_past_MaxConnections_each_gets_101_or_503_and_the_count_stays_exact()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:MaxConnections"] = MaxConnections.ToString(),
        });
        var registry = server.Services.GetRequiredService<ConversationRegistry>();
        await using var beside = await BesideConversation.StartAsync(server);

        var attempts = await UpgradeAttempt.StormAsync(server, Attempts);
        var held = attempts.Where(a => a.Socket is not null).ToList();
        try
        {
            var unexpected = attempts.Where(a => a.Status is not (HttpStatusCode.SwitchingProtocols or HttpStatusCode.ServiceUnavailable)).ToList();
            Assert.True(unexpected.Count == 0, "unexpected answers: " + string.Join(", ", unexpected.Select(a => $"{a.Status} {a.Error}")));
            // Nothing ends during the storm, so exactly the room left beside the running conversation is taken.
            Assert.Equal(MaxConnections - 1, held.Count);
            Assert.All(attempts.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.Equal("5", a.RetryAfter));
            Assert.Equal(MaxConnections, registry.ActiveCount);
        }
        finally
        {
            UpgradeAttempt.Release(held);
        }

        await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == 1);
        Assert.Equal(1, registry.ActiveCount);
        await beside.AssertUnaffectedAsync();
    }
}
