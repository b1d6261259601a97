using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpeechCluster.Client;

/// <summary>
/// One speech translation session over a WebSocket. Create with <see cref="ConnectAsync"/>; stream audio with
/// <see cref="SendAudioAsync"/> (or a whole file with <see cref="TranslateFileAsync"/>), read results with
/// <see cref="ReadEventsAsync"/> concurrently, end with <see cref="CompleteAsync"/>, then dispose.
/// </summary>
/// <remarks>
/// Thread-safety: the send methods may be called from any thread, also concurrently (they are serialized);
/// events have one reader at a time. A background receive loop reads the socket from connect to Close and
/// buffers up to 1024 events; when nobody reads, it waits (and the close handshake waits with it).
/// The client owns its socket: <see cref="DisposeAsync"/> aborts a session that was not completed.
/// </remarks>
public sealed partial class SpeechTranslationClient : IAsyncDisposable
{
    private const int EventBuffer = 1024;

    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly SpeechTranslationOptions _options;
    private readonly IReadOnlyList<string> _targets;
    private readonly ILogger _logger;
    private readonly Channel<TranslationEvent> _events;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task _receiveLoop;
    private int _completeStarted;
    private int _disposed;
    private bool _headerSent;
    private volatile string? _abortReason;
    private volatile SessionClosed? _closed;

    private SpeechTranslationClient(ClientWebSocket socket, HttpMessageInvoker invoker, SpeechTranslationOptions options, Uri sessionUri, ILogger logger)
    {
        _socket = socket;
        _invoker = invoker;
        _options = options;
        _targets = [.. options.To.Select(t => t.Trim())];
        _logger = logger;
        SessionUri = sessionUri;
        RequestId = Header(socket.HttpResponseHeaders, "X-RequestId");
        ConversationId = Header(socket.HttpResponseHeaders, "X-ConversationId");
        socket.HttpResponseHeaders = null;
        _events = Channel.CreateBounded<TranslationEvent>(new BoundedChannelOptions(EventBuffer)
        {
            // Results must not be lost: a slow reader slows the socket instead.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        });
        _receiveLoop = ReceiveLoopAsync();
    }

    /// <summary>The address connected to, query included.</summary>
    public Uri SessionUri { get; }

    /// <summary>The server's <c>X-RequestId</c> response header, if it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The server's <c>X-ConversationId</c> response header (resume extension), if it sent one.</summary>
    public string? ConversationId { get; }

    /// <summary>True while audio can still be sent: connected, not completed, not closed by the server.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open && Volatile.Read(ref _completeStarted) == 0;

    /// <summary>The server's Close, once received; null before that or when the connection was lost.</summary>
    public SessionClosed? Closed => _closed;

    /// <summary>
    /// Connects and completes the WebSocket handshake.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or inconsistent.</exception>
    /// <exception cref="SpeechTranslationRejectedException">The server answered with an HTTP error (400, 401, 429…).</exception>
    /// <exception cref="SpeechTranslationConnectionException">The server could not be reached in <see cref="SpeechTranslationOptions.ConnectTimeout"/>.</exception>
    public static async Task<SpeechTranslationClient> ConnectAsync(
        SpeechTranslationOptions options, ILogger<SpeechTranslationClient>? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var uri = TranslateUri.ForSession(options);
        var capture = new HandshakeResponseCapture();
        var invoker = new HttpMessageInvoker(capture);
        var socket = new ClientWebSocket();
        SpeechTranslationClient? client = null;
        try
        {
            socket.Options.CollectHttpResponseDetails = true;
            if (options.SubscriptionKey is { } key)
            {
                socket.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", key);
            }

            if (options.AccessToken is { } token)
            {
                socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
            }

            using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await socket.ConnectAsync(uri, invoker, linked.Token).ConfigureAwait(false);
            }
            catch (WebSocketException ex) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
            {
                throw ServerErrorBody.ToException((int)socket.HttpStatusCode, capture.RejectionBody, ex);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException
                || (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
            {
                throw new SpeechTranslationConnectionException(uri, ex);
            }

            client = new SpeechTranslationClient(socket, invoker, options, uri, (ILogger?)logger ?? NullLogger.Instance);
            Log.Connected(client._logger, uri, client.RequestId, client.ConversationId);
            return client;
        }
        finally
        {
            if (client is null)
            {
                socket.Dispose();
                invoker.Dispose();
            }
        }
    }

    /// <summary>Aborts the connection if still open (call <see cref="CompleteAsync"/> first for a clean end)
    /// and releases it. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _invoker.Dispose();
        _lifetime.Dispose();
    }

    private void AbortBecause(string reason)
    {
        _abortReason ??= reason;
        _socket.Abort();
    }

    private static string? Header(IReadOnlyDictionary<string, IEnumerable<string>>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
