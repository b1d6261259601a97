using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A bare protocol client for checking the wire exactly: it sends what the test says, records every
/// message the server sends (with its type and bytes) and how the server closed.
/// </summary>
public sealed class ProtocolClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly List<ServerMessage> _messages = [];
    private readonly Task _receiving;
    private readonly TaskCompletionSource _firstFinal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Only for a client made by ConnectResettableAsync: its TCP socket, and the invoker that made it.
    private Socket? _tcp;
    private HttpMessageInvoker? _invoker;

    private ProtocolClient(ClientWebSocket socket, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        _socket = socket;
        ResponseHeaders = headers ?? new Dictionary<string, IEnumerable<string>>();
        _receiving = ReceiveLoopAsync();
    }

    public IReadOnlyDictionary<string, IEnumerable<string>> ResponseHeaders { get; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public IReadOnlyList<ServerMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public IEnumerable<JsonElement> Results => Messages.Where(m => m.IsText).Select(m => m.Json);

    public IEnumerable<JsonElement> Finals => Results.Where(r => r.GetProperty("type").GetString() == "final");

    public IEnumerable<JsonElement> Partials => Results.Where(r => r.GetProperty("type").GetString() == "partial");

    public IEnumerable<byte[]> Audio => Messages.Where(m => !m.IsText).Select(m => m.Data);

    public static async Task<ProtocolClient> ConnectAsync(Uri server, string query, Action<ClientWebSocketOptions>? configure = null, string? key = GatewayServer.Key)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (key is not null)
        {
            socket.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", key);
        }

        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(server, "/speech/translate?" + query), timeout.Token);
        return new ProtocolClient(socket, socket.HttpResponseHeaders);
    }

    /// <summary>Connects as <see cref="ConnectAsync"/> does, keeping hold of the TCP socket so that <see cref="Reset"/> can reset it.</summary>
    public static async Task<ProtocolClient> ConnectResettableAsync(Uri server, string query)
    {
        Socket? tcp = null;
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await tcp.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(tcp, ownsSocket: true);
            },
        });
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", GatewayServer.Key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(server, "/speech/translate?" + query), invoker, timeout.Token);
        return new ProtocolClient(socket, socket.HttpResponseHeaders) { _tcp = tcp, _invoker = invoker };
    }

    /// <summary>
    /// Makes the upgrade request over plain HTTP, expecting a refusal (ClientWebSocket hides the
    /// body of a refused handshake); returns the status, the body and the response headers.
    /// </summary>
    public static async Task<HandshakeRefusal> RefusedAsync(Uri server, string query, string? key = GatewayServer.Key, Action<HttpRequestMessage>? configure = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new UriBuilder(server) { Scheme = "http" }.Uri, "/speech/translate?" + query));
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        if (key is not null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", key);
        }

        configure?.Invoke(request);
        // Headers first: a handshake that was accepted (101) has a body that never ends.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = response.StatusCode == HttpStatusCode.SwitchingProtocols ? "" : await response.Content.ReadAsStringAsync();
        return new HandshakeRefusal(response.StatusCode, body,
            response.Content.Headers.ContentType?.MediaType, response.Headers.TryGetValues("X-RequestId", out var ids) ? ids.First() : null)
        {
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }

    public Task SendAsync(byte[] data) => _socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Sends one message as frames of the given sizes (continuation frames after the first); the last frame takes what is left.</summary>
    public async Task SendFragmentedAsync(byte[] message, WebSocketMessageType type, IEnumerable<int> frameSizes)
    {
        var offset = 0;
        using var sizes = frameSizes.GetEnumerator();
        while (message.Length - offset > 0 && sizes.MoveNext())
        {
            var size = Math.Min(sizes.Current, message.Length - offset);
            await SendFrameAsync(message.AsMemory(offset, size), type, offset + size == message.Length);
            offset += size;
        }

        if (offset < message.Length)
        {
            await SendFrameAsync(message.AsMemory(offset), type, endOfMessage: true);
        }
    }

    /// <summary>One frame; with <paramref name="endOfMessage"/> false, the message goes on in the next frame.</summary>
    public Task SendFrameAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type, bool endOfMessage) =>
        _socket.SendAsync(frame, type, endOfMessage, CancellationToken.None).AsTask();

    public Task SendTextAsync(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends 16-bit samples in chunks of <paramref name="chunkMilliseconds"/>, as fast as the server takes them.</summary>
    public async Task SendAudioAsync(ReadOnlyMemory<short> samples, int sampleRate = 16000, int chunkMilliseconds = 100)
    {
        var bytes = SpeechCluster.TestSupport.TestSpeech.ToBytes(samples.Span);
        var chunk = sampleRate * chunkMilliseconds / 1000 * 2;
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            await SendAsync(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset)).ToArray());
        }
    }

    /// <summary>Sends 16 kHz samples in 100 ms messages at real-time pace, as a microphone client does.</summary>
    public async Task SendAudioPacedAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        var bytes = SpeechCluster.TestSupport.TestSpeech.ToBytes(samples.Span);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int offset = 0, k = 0; offset < bytes.Length; offset += 3200, k++)
        {
            var due = TimeSpan.FromMilliseconds(100 * k) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            await SendAsync(bytes.AsSpan(offset, Math.Min(3200, bytes.Length - offset)).ToArray());
        }
    }

    /// <summary>Starts the close handshake (1000) and waits for the server's close, reading everything before it.</summary>
    public async Task CloseAndDrainAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "end of file", cts.Token);
        await _receiving.WaitAsync(cts.Token);
    }

    /// <summary>Waits until the server closes the connection.</summary>
    public Task WaitForCloseAsync(TimeSpan timeout) => _receiving.WaitAsync(timeout);

    /// <summary>Waits until <paramref name="count"/> finals have arrived.</summary>
    public async Task WaitForFinalsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Finals.Count() < count)
        {
            await Task.Delay(50, cts.Token);
            if (_receiving.IsCompleted)
            {
                break;
            }
        }
    }

    /// <summary>Sends the client's Close (1000) and returns without waiting for the server's.</summary>
    public Task SendCloseAsync() => _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "end of file", CancellationToken.None);

    /// <summary>Closes the TCP connection at once (FIN); no close frame.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Resets the TCP connection (RST: linger 0), as a crashed host or a middlebox does; no close frame.</summary>
    public void Reset()
    {
        var tcp = _tcp ?? throw new InvalidOperationException("connect with ConnectResettableAsync to reset");
        tcp.LingerState = new LingerOption(true, 0);
        tcp.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _invoker?.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                lock (_messages)
                {
                    _messages.Add(new ServerMessage(received.MessageType == WebSocketMessageType.Text, message.ToArray()));
                }

                message.SetLength(0);
            }
        }
    }
}

public sealed record HandshakeRefusal(HttpStatusCode Status, string Body, string? ContentType, string? RequestId)
{
    /// <summary>The Retry-After header, when the refusal has one in seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public string ErrorMessage => JsonDocument.Parse(Body).RootElement.GetProperty("error").GetProperty("message").GetString()!;

    public int ErrorCode => JsonDocument.Parse(Body).RootElement.GetProperty("error").GetProperty("code").GetInt32();
}

public sealed record ServerMessage(bool IsText, byte[] Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public string Text => Encoding.UTF8.GetString(Data);
}
