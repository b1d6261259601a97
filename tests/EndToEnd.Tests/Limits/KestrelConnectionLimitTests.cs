using SpeechCluster.EndToEnd.Tests.Hostile.Sockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>
/// <c>Kestrel:Limits:MaxConcurrentConnections</c> from configuration, at its edge: Kestrel counts
/// open connections (a WebSocket leaves the count once upgraded; requests and clients still
/// sending their headers stay in it) and closes those beyond it at once, without a response.
/// </summary>
public sealed class KestrelConnectionLimitTests
{
    private const int Limit = 3;
    private const string KeepAliveRequest = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task With_the_limit_held_the_next_connection_is_closed_unanswered_and_one_is_accepted_after_one_closes()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxConcurrentConnections"] = Limit.ToString(),
        });
        var held = new List<RawTcpClient>();
        try
        {
            // Each answered, so Kestrel has accepted and counted it; keep-alive holds it open.
            for (var i = 0; i < Limit; i++)
            {
                held.Add(await RawTcpClient.ConnectAsync(server.HttpUri));
                await held[i].SendAsync(KeepAliveRequest);
                Assert.StartsWith("HTTP/1.1 200 OK\r\n", await held[i].ReadResponseHeadAsync(HangGuard), StringComparison.Ordinal);
            }

            // The TCP handshake is the kernel's; Kestrel then closes the connection without reading it.
            using (var beyond = await RawTcpClient.ConnectAsync(server.HttpUri))
            {
                Assert.Equal("", await beyond.ReadUntilClosedAsync(HangGuard));
            }

            held[0].Dispose();
            held.RemoveAt(0);
            Assert.StartsWith("HTTP/1.1 200 OK\r\n", await AnsweredOnceKestrelCountedTheCloseAsync(server), StringComparison.Ordinal);
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// Kestrel frees a place once it has seen the client's close, a moment after it: until then a
    /// new connection is still refused, so it is tried again (up to 20 s) until one is answered.
    /// </summary>
    private static async Task<string> AnsweredOnceKestrelCountedTheCloseAsync(GatewayServer server)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (true)
        {
            using var next = await RawTcpClient.ConnectAsync(server.HttpUri);
            try
            {
                await next.SendAsync(KeepAliveRequest);
                var head = await next.ReadResponseHeadAsync(HangGuard);
                if (head.Length > 0 || DateTime.UtcNow > deadline)
                {
                    return head;
                }
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Refused and reset while the request was being sent.
            }

            await Task.Delay(50);
        }
    }
}
