using SpeechCluster.Gateway.Metering;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Gateway.Sessions;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// The gateway's real <see cref="ConversationConnection"/> on one end of an in-memory WebSocket,
/// a <see cref="RecordingSession"/> behind it, and a client socket on the other end: thousands of
/// conversations a second, without Kestrel or Orleans. Dispose after use.
/// </summary>
internal sealed class InProcessConversation : IAsyncDisposable
{
    private readonly WebSocket _server;
    private readonly WebSocket _client;
    private readonly Task _run;

    private InProcessConversation(GatewayOptions options, RecordingSession session)
    {
        Session = session;
        var (server, client) = DuplexPipeStream.CreatePair();
        _server = WebSocket.CreateFromStream(server, new WebSocketCreationOptions { IsServer = true });
        _client = WebSocket.CreateFromStream(client, new WebSocketCreationOptions { IsServer = false });
        var request = new TranslateRequest { SpeechLocale = "en-US", SourceLanguage = "en", Targets = ["es"] };
        var link = new SessionLink(Session, [], Polly.ResiliencePipeline.Empty, NullLogger.Instance);
        var usage = new UsageMeter(new UncountedUsage(), "tests", TimeSpan.FromSeconds(5), TimeProvider.System, NullLogger.Instance);
        var connection = new ConversationConnection(_server, request, "tests", link, options, usage, NullLogger<ConversationConnection>.Instance);
        _run = RunAsync(connection);
    }

    public RecordingSession Session { get; }

    /// <summary>These tests are about the protocol, not billing: usage goes nowhere.</summary>
    private sealed class UncountedUsage : IUsageStore
    {
        public Task AddAsync(string tenant, string month, Usage delta, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<Usage> GetAsync(string tenant, string month, CancellationToken cancellationToken = default) => Task.FromResult(default(Usage));

        public Task<IReadOnlyDictionary<string, Usage>> GetMonthAsync(string month, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, Usage>>(new Dictionary<string, Usage>());
    }

    public static InProcessConversation Start(GatewayOptions? options = null, RecordingSession? session = null) =>
        new(options ?? new GatewayOptions(), session ?? new RecordingSession());

    /// <summary>Sends one message in frames cut at the given fractions of its length.</summary>
    public async Task SendAsync(byte[] message, WebSocketMessageType type, double[] cuts, CancellationToken cancellation)
    {
        var start = 0;
        var ends = cuts.Select(c => (int)(c * message.Length)).Order().Append(message.Length).ToArray();
        for (var i = 0; i < ends.Length; i++)
        {
            await _client.SendAsync(message.AsMemory(start, ends[i] - start), type, i == ends.Length - 1, cancellation);
            start = ends[i];
        }
    }

    /// <summary>
    /// Sends Close (1000) unless the server closed first, reads until the server's close, and waits
    /// for the connection to finish; returns the server's close status and reason.
    /// </summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason)> CloseAsync(CancellationToken cancellation)
    {
        try
        {
            await _client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancellation);
        }
        catch (WebSocketException)
        {
            // The server closed (or failed) first; its close frame is still read below.
        }

        var buffer = new byte[1024];
        try
        {
            while ((await _client.ReceiveAsync(buffer, cancellation)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException) when (_client.CloseStatus is not null)
        {
        }

        await _run.WaitAsync(cancellation);
        return (_client.CloseStatus, _client.CloseStatusDescription);
    }

    /// <summary>As the endpoint does: when the conversation is over, the server's socket (and connection) goes.</summary>
    private async Task RunAsync(ConversationConnection connection)
    {
        using (_server)
        {
            await connection.RunAsync(CancellationToken.None, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Abort();
        _server.Abort();
        await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _client.Dispose();
        _server.Dispose();
    }
}
