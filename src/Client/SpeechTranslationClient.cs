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
/// With <see cref="SpeechTranslationOptions.AutoReconnect"/> a dropped connection is resumed on a new socket
/// (ReceiveAndResume.cs): the events stay one stream and the send methods wait for the new connection.
/// </remarks>
public sealed partial class SpeechTranslationClient : IAsyncDisposable
{
    private const int EventBuffer = 1024;

    private readonly SpeechTranslationOptions _options;
    private readonly IReadOnlyList<string> _targets;
    private readonly ILogger _logger;
    private readonly Channel<TranslationEvent> _events;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    // Makes an abort and a resume's switch to a new connection exclusive: see AbortBecause.
    private readonly Lock _switchGate = new();
    private readonly Task _receiveLoop;
    // Replaced, under the send lock, when the session resumes on a new connection.
    private volatile SessionConnection _connection;
    private int _completeStarted;
    private int _disposed;
    private volatile bool _reconnecting;
    private volatile string? _abortReason;
    private volatile SessionClosed? _closed;
    private volatile string? _requestId;

    private SpeechTranslationClient(SessionConnection connection, SpeechTranslationOptions options, Uri sessionUri, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _targets = [.. options.To.Select(t => t.Trim())];
        _logger = logger;
        SessionUri = sessionUri;
        _requestId = connection.RequestId;
        ConversationId = connection.ConversationId;
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

    /// <summary>The address first connected to, query included.</summary>
    public Uri SessionUri { get; }

    /// <summary>The server's <c>X-RequestId</c> response header of the current connection, if it sent one.</summary>
    public string? RequestId => _requestId;

    /// <summary>The server's <c>X-ConversationId</c> response header (resume extension), if it sent one.</summary>
    public string? ConversationId { get; }

    /// <summary>True while audio can still be sent: connected (or resuming a dropped connection), not completed,
    /// not closed by the server.</summary>
    public bool IsOpen => (_reconnecting || _connection.Socket.State == WebSocketState.Open) && Volatile.Read(ref _completeStarted) == 0;

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
        var uri = TranslateUri.ForSession(options, options.ConversationId, options.ResumeFrom);
        var connection = await SessionConnection.OpenAsync(options, uri, cancellationToken).ConfigureAwait(false);
        var client = new SpeechTranslationClient(connection, options, uri, (ILogger?)logger ?? NullLogger.Instance);
        Log.Connected(client._logger, uri, client.RequestId, client.ConversationId);
        return client;
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
        _connection.Socket.Abort();
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _connection.Dispose();
        _lifetime.Dispose();
    }

    /// <summary>Ends the session for <paramref name="reason"/>. Under the switch gate, so that a resume switching
    /// connections meanwhile either sees the reason and gives up, or has switched and this aborts the new
    /// connection; without it the abort could hit the old one just as the new one took over, and the session
    /// would go on with nobody to end it.</summary>
    private void AbortBecause(string reason)
    {
        lock (_switchGate)
        {
            _abortReason ??= reason;
            _connection.Socket.Abort();
        }
    }
}
