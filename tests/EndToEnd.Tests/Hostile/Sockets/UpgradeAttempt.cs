using System.Net;
using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// One upgrade attempt of a storm: the status the gateway answered, its Retry-After, and the
/// socket, kept open when it was accepted (the caller disposes it).
/// </summary>
internal sealed record UpgradeAttempt(HttpStatusCode Status, string? RetryAfter, string? Error, ClientWebSocket? Socket)
{
    public static async Task<UpgradeAttempt> TryAsync(GatewayServer server, string key = GatewayServer.Key)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", key);
        try
        {
            await socket.ConnectAsync(new Uri(server.WebSocketUri, "/speech/translate?api-version=1.0&from=en-US&to=es"), CancellationToken.None);
            return new UpgradeAttempt(socket.HttpStatusCode, null, null, socket);
        }
        catch (WebSocketException ex)
        {
            var retryAfter = socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true ? values.Single() : null;
            socket.Dispose();
            return new UpgradeAttempt(socket.HttpStatusCode, retryAfter, ex.Message, null);
        }
    }

    /// <summary>Many attempts at once, each on its own thread-pool task, as many clients would make them.</summary>
    public static Task<UpgradeAttempt[]> StormAsync(GatewayServer server, int attempts, string key = GatewayServer.Key) =>
        Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => Task.Run(() => TryAsync(server, key)))).WaitAsync(TimeSpan.FromMinutes(3));

    /// <summary>Aborts every accepted socket of <paramref name="attempts"/>.</summary>
    public static void Release(IEnumerable<UpgradeAttempt> attempts)
    {
        foreach (var socket in attempts.Select(a => a.Socket).OfType<ClientWebSocket>())
        {
            socket.Abort();
            socket.Dispose();
        }
    }
}
