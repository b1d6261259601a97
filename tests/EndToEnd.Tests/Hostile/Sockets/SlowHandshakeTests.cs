using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// Clients that open a TCP connection and never complete the upgrade request: Kestrel's request
/// headers timeout and keep-alive timeout (set under <c>Kestrel:Limits</c>, short here) end them,
/// so they cannot hold the gateway's connections for ever. A conversation beside is unaffected.
/// </summary>
public sealed class SlowHandshakeTests(SlowHandshakeTests.ShortTimeoutsGateway gateway) : IClassFixture<SlowHandshakeTests.ShortTimeoutsGateway>
{
    private const string PartialUpgradeRequest = "GET /speech/translate?api-version=1.0&from=en-US&to=es HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    [Fact]
    public void Kestrel_limits_come_from_configuration()
    {
        var limits = gateway.Server.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(TimeSpan.FromSeconds(2), limits.RequestHeadersTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), limits.KeepAliveTimeout);
    }

    [Fact]
    public async Task Upgrade_request_left_unfinished_is_answered_408_and_closed()
    {
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        using var slow = await RawTcpClient.ConnectAsync(gateway.Server.HttpUri);

        await slow.SendAsync(PartialUpgradeRequest);
        var response = await slow.ReadUntilClosedAsync(HangGuard);

        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", response, StringComparison.Ordinal);
        await beside.AssertUnaffectedAsync();
    }

    [Fact]
    public async Task Upgrade_request_trickled_a_byte_at_a_time_is_answered_408_and_closed()
    {
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        using var slowloris = await RawTcpClient.ConnectAsync(gateway.Server.HttpUri);
        using var stop = new CancellationTokenSource();

        // Each byte comes well within any idle timeout; only a bound on the whole request ends it.
        var trickling = Task.Run(async () =>
        {
            var request = PartialUpgradeRequest + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"X-Padding-{i}: x\r\n"));
            foreach (var character in request)
            {
                await slowloris.SendAsync(character.ToString());
                await Task.Delay(100, stop.Token);
            }
        });
        var response = await slowloris.ReadUntilClosedAsync(HangGuard);
        await stop.CancelAsync();
        await trickling.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", response, StringComparison.Ordinal);
        await beside.AssertUnaffectedAsync();
    }

    [Fact]
    public async Task Connection_that_sends_nothing_is_closed_without_a_response()
    {
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        using var silent = await RawTcpClient.ConnectAsync(gateway.Server.HttpUri);

        var response = await silent.ReadUntilClosedAsync(HangGuard);

        Assert.Equal("", response);
        await beside.AssertUnaffectedAsync();
    }

    /// <summary>A gateway whose Kestrel waits 2 s for request headers and 3 s for a first request.</summary>
    public sealed class ShortTimeoutsGateway : IAsyncLifetime
    {
        public GatewayServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Limits:RequestHeadersTimeout"] = "00:00:02",
            ["Kestrel:Limits:KeepAliveTimeout"] = "00:00:03",
        });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
