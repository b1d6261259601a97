using System.Net;
using System.Net.WebSockets;
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

        var attempts = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(_ => Task.Run(() => AttemptAsync(server)))).WaitAsync(TimeSpan.FromMinutes(3));
        var held = attempts.Where(a => a.Socket is not null).Select(a => a.Socket!).ToList();
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
            foreach (var socket in held)
            {
                socket.Abort();
                socket.Dispose();
            }
        }

        await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == 1);
        Assert.Equal(1, registry.ActiveCount);
        await beside.AssertUnaffectedAsync();
    }

    /// <summary>One upgrade attempt; the socket is kept open when it was accepted.</summary>
    private static async Task<Attempt> AttemptAsync(GatewayServer server)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", GatewayServer.Key);
        try
        {
            await socket.ConnectAsync(new Uri(server.WebSocketUri, "/speech/translate?api-version=1.0&from=en-US&to=es"), CancellationToken.None);
            return new Attempt(socket.HttpStatusCode, null, null, socket);
        }
        catch (WebSocketException ex)
        {
            var retryAfter = socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true ? values.Single() : null;
            socket.Dispose();
            return new Attempt(socket.HttpStatusCode, retryAfter, ex.Message, null);
        }
    }

    private sealed record Attempt(HttpStatusCode Status, string? RetryAfter, string? Error, ClientWebSocket? Socket);
}
