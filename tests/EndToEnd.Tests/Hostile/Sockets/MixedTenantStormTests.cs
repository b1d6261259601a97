using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.EndToEnd.Tests.Limits;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.Gateway.Metering;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// Storms from one tenant against its conversation quota and the gateway's limit, beside another
/// tenant's conversation: the stormer gets 429 past its quota and 503 once the gateway is full,
/// while the other tenant is neither limited by the stormer's quota nor billed for its attempts.
/// </summary>
public sealed class MixedTenantStormTests
{
    private const int MaxConnections = 12;
    private const int QuotaOfA = 4;
    private const string Query = "api-version=1.0&from=en-US&to=es";

    [Fact]
    public async Task Tenant_A_gets_429_past_its_quota_and_503_once_the_gateway_is_full_while_tenant_B_goes_on_unbilled_for_A()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:MaxConnections"] = MaxConnections.ToString(),
            [$"SpeechCluster:Auth:Tenants:{GatewayServer.Tenant}:MaxConversations"] = QuotaOfA.ToString(),
        });
        var registry = server.Services.GetRequiredService<ConversationRegistry>();
        var held = new List<UpgradeAttempt>();
        await using var conversationOfB = await BesideConversation.StartAsync(server, GatewayServer.OtherKey);
        try
        {
            // A storms with room in the gateway: its quota admits exactly QuotaOfA, the rest get 429.
            var stormOfA = await UpgradeAttempt.StormAsync(server, 40);
            held.AddRange(stormOfA.Where(a => a.Socket is not null));
            Assert.Equal(QuotaOfA, stormOfA.Count(a => a.Status == HttpStatusCode.SwitchingProtocols));
            Assert.All(stormOfA.Where(a => a.Socket is null), a => Assert.Equal((HttpStatusCode.TooManyRequests, "5"), (a.Status, a.RetryAfter)));
            var overQuota = await ProtocolClient.RefusedAsync(server.HttpUri, Query);
            Assert.Equal((HttpStatusCode.TooManyRequests, 429), (overQuota.Status, overQuota.ErrorCode));
            Assert.Equal($"too many concurrent conversations: this key's tenant has its maximum of {QuotaOfA} open on this server; end one or try again later", overQuota.ErrorMessage);

            // B, with A at its quota, is admitted up to the gateway's limit: A's quota is A's alone.
            var stormOfB = await UpgradeAttempt.StormAsync(server, 40, GatewayServer.OtherKey);
            held.AddRange(stormOfB.Where(a => a.Socket is not null));
            Assert.Equal(MaxConnections - 1 - QuotaOfA, stormOfB.Count(a => a.Status == HttpStatusCode.SwitchingProtocols));
            Assert.All(stormOfB.Where(a => a.Socket is null), a => Assert.Equal((HttpStatusCode.ServiceUnavailable, "5"), (a.Status, a.RetryAfter)));
            Assert.Equal(MaxConnections, registry.ActiveCount);

            // One of A's ends and B takes the place: A is under its quota now, but the gateway is full.
            var endedOfA = stormOfA.First(a => a.Socket is not null);
            UpgradeAttempt.Release([endedOfA]);
            held.Remove(endedOfA);
            await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == MaxConnections - 1);
            var placeTaken = await UpgradeAttempt.TryAsync(server, GatewayServer.OtherKey);
            held.Add(placeTaken);
            Assert.Equal(HttpStatusCode.SwitchingProtocols, placeTaken.Status);
            var stormOfAWhenFull = await UpgradeAttempt.StormAsync(server, 20);
            held.AddRange(stormOfAWhenFull.Where(a => a.Socket is not null));
            Assert.All(stormOfAWhenFull, a => Assert.Equal((HttpStatusCode.ServiceUnavailable, "5"), (a.Status, a.RetryAfter)));
            var full = await ProtocolClient.RefusedAsync(server.HttpUri, Query);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, 503), (full.Status, full.ErrorCode));
            Assert.Equal($"the server is carrying its maximum of {MaxConnections} conversations; try again shortly", full.ErrorMessage);
        }
        finally
        {
            UpgradeAttempt.Release(held);
        }

        await conversationOfB.AssertUnaffectedAsync();
        // The usage of a conversation is written when it ends, before its place is given back.
        await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == 0);
        var store = server.Services.GetRequiredService<IUsageStore>();
        var month = Usage.MonthOf(DateTimeOffset.UtcNow);
        Assert.Equal(BesideConversation.AudioSeconds, (await store.GetAsync(GatewayServer.OtherTenant, month)).AudioSeconds, precision: 3);
        Assert.True((await store.GetAsync(GatewayServer.Tenant, month)).IsZero);
    }
}
