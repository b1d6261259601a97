using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Connections;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>Connection limit and tenant quotas: refused before the upgrade, with the JSON error and Retry-After.</summary>
public sealed class AdmissionTests
{
    private const string Query = "api-version=1.0&from=en-US&to=es";

    [Fact]
    public async Task MaxConnections_Reached_NextIsRefused503WithRetryAfter_AndAdmittedOnceOneEnds()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:MaxConnections"] = "2",
            ["SpeechCluster:Gateway:RetryAfter"] = "00:00:07",
        });
        await using var first = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query);
        await using var second = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query, key: GatewayServer.OtherKey);

        var refusal = await ProtocolClient.RefusedAsync(server.HttpUri, Query);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusal.Status);
        Assert.Equal("application/json", refusal.ContentType);
        Assert.Equal(503, refusal.ErrorCode);
        Assert.Contains("maximum of 2 conversations", refusal.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(7), refusal.RetryAfter);

        await first.CloseAndDrainAsync(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => server.Services.GetRequiredService<ConversationRegistry>().ActiveCount < 2);
        await using var third = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query);
        Assert.NotNull(third.ResponseHeaders);
    }

    [Fact]
    public async Task KestrelUpgradedConnectionLimit_Reached_NextIsRefused503WithTheReason_TheOthersGoOn()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxConcurrentUpgradedConnections"] = "2",
        });
        await using var first = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query);
        await using var second = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query, key: GatewayServer.OtherKey);

        var refusal = await ProtocolClient.RefusedAsync(server.HttpUri, Query);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusal.Status);
        Assert.Equal(503, refusal.ErrorCode);
        Assert.Contains("maximum of open WebSocket connections", refusal.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(5), refusal.RetryAfter);
        // The refused one took no place: the two admitted conversations still end normally.
        await first.CloseAndDrainAsync(TimeSpan.FromSeconds(30));
        await second.CloseAndDrainAsync(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => server.Services.GetRequiredService<ConversationRegistry>().ActiveCount == 0);
    }

    [Fact]
    public async Task TenantQuota_Reached_429WithRetryAfter_OtherTenantsUnaffected()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            [$"SpeechCluster:Auth:Tenants:{GatewayServer.Tenant}:MaxConversations"] = "1",
            ["SpeechCluster:Gateway:MaxConversationsPerTenant"] = "2",
        });
        await using var tenantsOnly = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query);

        // The tenant's own quota (1) applies to it...
        var overQuota = await ProtocolClient.RefusedAsync(server.HttpUri, Query);
        Assert.Equal(HttpStatusCode.TooManyRequests, overQuota.Status);
        Assert.Equal(429, overQuota.ErrorCode);
        Assert.Contains("maximum of 1", overQuota.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(5), overQuota.RetryAfter);

        // ...and the gateway-wide default (2) to a tenant without one of its own.
        await using var other1 = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query, key: GatewayServer.OtherKey);
        await using var other2 = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query, key: GatewayServer.OtherKey);
        var otherOver = await ProtocolClient.RefusedAsync(server.HttpUri, Query, key: GatewayServer.OtherKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, otherOver.Status);
        Assert.Contains("maximum of 2", otherOver.ErrorMessage);
    }

    /// <summary>Polls a condition for up to 20 s; the caller's next step fails if it never held (not a speed check).</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
