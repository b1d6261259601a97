using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.Bench.Hostile;

/// <summary>
/// WebSocket connections opened by hand (not through the product's client, which always reads):
/// one shared handler for the hundreds of them, and a name for every way an attempt can end.
/// </summary>
internal sealed class HostileSockets : IDisposable
{
    /// <summary>Partial and TextToSpeech, so that the server has results (and audio files) to send.</summary>
    public const string Query = "api-version=1.0&from=en-US&to=es&features=Partial,TextToSpeech";

    /// <summary>The outcome of an accepted upgrade.</summary>
    public const string Accepted = "101";

    private readonly HttpMessageInvoker _invoker;
    private readonly Uri _endpoint;

    /// <param name="receiveBuffer">SO_RCVBUF of each client socket, or null for the kernel's default.</param>
    public HostileSockets(Uri server, int? receiveBuffer = null)
    {
        _endpoint = new Uri(server, "/speech/translate?" + Query);
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBuffer is { } size)
                {
                    socket.ReceiveBufferSize = size;
                }

                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
    }

    /// <summary>The 44-byte streaming header (sizes are ignored by the server), 16 kHz mono 16-bit.</summary>
    public static byte[] WavHeader { get; } = new WavEncoder(16000).Encode([], 16000);

    /// <summary>Upgrades one connection; throws when the server answers anything but 101 (see <see cref="Outcome"/>).</summary>
    public async Task<ClientWebSocket> ConnectAsync(string key, TimeSpan timeout)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", key);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(_endpoint, _invoker, deadline.Token);
            return socket;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            var outcome = Outcome(socket, ex);
            socket.Dispose();
            throw new AttemptFailedException(outcome, ex);
        }
    }

    /// <summary>What a failed upgrade got: the HTTP status, a reset or close, or no answer at all.</summary>
    public static string Outcome(ClientWebSocket socket, Exception ex)
    {
        if (socket.HttpStatusCode != 0)
        {
            return ((int)socket.HttpStatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ex is OperationCanceledException)
        {
            return "no answer";
        }

        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionReset })
            {
                return "reset";
            }

            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return "connection refused";
            }
        }

        return "closed without an answer";
    }

    public void Dispose() => _invoker.Dispose();
}

/// <summary>An upgrade that did not get 101, with what it got instead.</summary>
internal sealed class AttemptFailedException(string outcome, Exception inner) : Exception(outcome, inner)
{
    public string Outcome { get; } = outcome;
}
