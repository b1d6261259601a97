using System.Net;
using System.Net.WebSockets;

namespace SpeechCluster.Client;

/// <summary>
/// One WebSocket connection of a session. A session that resumes after a drop has several, one after the
/// other; the receive loop hands each ended one its <see cref="Successor"/>.
/// </summary>
internal sealed class SessionConnection : IDisposable
{
    private readonly HttpMessageInvoker _invoker;

    private SessionConnection(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        Socket = socket;
        _invoker = invoker;
        RequestId = Header(socket.HttpResponseHeaders, "X-RequestId");
        ConversationId = Header(socket.HttpResponseHeaders, "X-ConversationId");
        socket.HttpResponseHeaders = null;
    }

    public ClientWebSocket Socket { get; }

    public string? RequestId { get; }

    public string? ConversationId { get; }

    /// <summary>The WAV header goes once per connection: a resumed connection starts its audio anew.</summary>
    public bool HeaderSent { get; set; }

    /// <summary>
    /// Completed by the receive loop once this connection has ended: with the connection that resumed the
    /// session, or null when the session is over. A sender that found this one dead waits here.
    /// </summary>
    public TaskCompletionSource<SessionConnection?> Successor { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <exception cref="SpeechTranslationRejectedException">The server answered with an HTTP error.</exception>
    /// <exception cref="SpeechTranslationConnectionException">The server could not be reached in the connect timeout.</exception>
    public static async Task<SessionConnection> OpenAsync(SpeechTranslationOptions options, Uri uri, CancellationToken cancellationToken)
    {
        var capture = new HandshakeResponseCapture();
        var invoker = new HttpMessageInvoker(capture);
        var socket = new ClientWebSocket();
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

            return new SessionConnection(socket, invoker);
        }
        catch
        {
            socket.Dispose();
            invoker.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
        _invoker.Dispose();
    }

    private static string? Header(IReadOnlyDictionary<string, IEnumerable<string>>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
