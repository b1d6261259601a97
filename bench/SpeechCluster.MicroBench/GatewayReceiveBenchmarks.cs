using SpeechCluster.Gateway.Metering;
using System.Net.WebSockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.Gateway.Protocol;
using SpeechCluster.Gateway.Sessions;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The gateway's receive loop (ConversationConnection) over an in-memory WebSocket: a client sends the
/// WAV header and 50 messages of 100 ms, then closes; a stand-in session takes the chunks. Reported per
/// message, with the connection's own setup (socket, buffers, the client's side) spread over the 50.
/// </summary>
[MemoryDiagnoser]
public class GatewayReceiveBenchmarks
{
    private const int Messages = 50;

    private readonly TranslateRequest _request = new() { SpeechLocale = "en-US", SourceLanguage = "en", Targets = ["es"] };
    private readonly GatewayOptions _options = new();
    private byte[] _header = null!;
    private byte[][] _messages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _header = BenchAudio.WavFile[..44];
        _messages = BenchAudio.Pieces(BenchAudio.WavFile[44..], BenchAudio.MessageBytes)[..Messages];
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    [AudioPerOperation(100)]
    public long ReceiveMessage() => RunConversationAsync().GetAwaiter().GetResult();

    private async Task<long> RunConversationAsync()
    {
        var (serverEnd, clientEnd) = PipeStream.CreatePair();
        using var server = WebSocket.CreateFromStream(serverEnd, isServer: true, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        using var client = WebSocket.CreateFromStream(clientEnd, isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        var session = new AcceptingSession();
        var link = new SessionLink(session, [], Polly.ResiliencePipeline.Empty, NullLogger.Instance);
        var usage = new UsageMeter(new MemoryUsage(), "bench", TimeSpan.FromSeconds(5), TimeProvider.System, NullLogger.Instance);
        var connection = new ConversationConnection(server, _request, "bench", link, _options, usage, NullLogger.Instance);
        var serving = connection.RunAsync(CancellationToken.None, CancellationToken.None);

        await client.SendAsync(_header, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        foreach (var message in _messages)
        {
            await client.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        }

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        await serving;
        return session.Samples;
    }

    /// <summary>Usage kept in memory: the metering on the receive path is measured, not a store's I/O.</summary>
    private sealed class MemoryUsage : IUsageStore
    {
        private Usage _total;

        public Task AddAsync(string tenant, string month, Usage delta, CancellationToken cancellationToken = default)
        {
            _total += delta;
            return Task.CompletedTask;
        }

        public Task<Usage> GetAsync(string tenant, string month, CancellationToken cancellationToken = default) => Task.FromResult(_total);

        public Task<IReadOnlyDictionary<string, Usage>> GetMonthAsync(string month, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, Usage>>(new Dictionary<string, Usage> { ["bench"] = _total });
    }
}
