using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>A client that sends audio but never reads its results is let go, so its results cannot pile up; others go on.</summary>
public sealed class NonReadingClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_client_that_never_reads_is_aborted_after_the_send_timeout_and_a_conversation_beside_it_goes_on()
    {
        // Small socket buffers on both sides (accepted sockets inherit the listener's): a few results fill them.
        await using var server = await GatewayServer.StartAsync(
            new Dictionary<string, string?> { ["SpeechCluster:Gateway:SendTimeout"] = "00:00:02" },
            services => services.Configure<SocketTransportOptions>(options => options.CreateBoundListenSocket = endpoint =>
            {
                var listener = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                listener.SendBufferSize = 4096;
                return listener;
            }));
        var registry = server.Services.GetRequiredService<ConversationRegistry>();
        using var stuck = await ConnectWithoutReadingAsync(server);
        await using var beside = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");

        // Speech with spoken translations (large binary results) into a socket nobody reads, whose
        // receive buffer is tiny: the server's sends soon stop completing.
        var speech = Speech.Sentences("where is the train station", "i would like a cup of coffee", "the weather is very nice today", "thank you very much");
        await stuck.SendAsync(WavHeaders.Standard(), WebSocketMessageType.Binary, true, CancellationToken.None);
        foreach (var chunk in TestSpeech.ToBytes(speech.Samples).Chunk(3200))
        {
            await stuck.SendAsync(chunk, WebSocketMessageType.Binary, true, CancellationToken.None);
        }

        await beside.SendAsync(WavHeaders.Standard());
        await beside.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station"), TestSpeech.Silence(1000)));
        await beside.WaitForFinalsAsync(1, Patience);
        await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == 1);

        Assert.Equal(1, registry.ActiveCount);

        Assert.Contains("train", Assert.Single(beside.Finals).GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
        await beside.CloseAndDrainAsync(Patience);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, beside.CloseStatus);
    }

    private static async Task<ClientWebSocket> ConnectWithoutReadingAsync(GatewayServer server)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new ClientWebSocket();
        client.Options.SetRequestHeader("Ocp-Apim-Subscription-Key", GatewayServer.Key);
        // Not disposed here: the upgraded connection outlives the request, and the test ends with the process's handlers.
        var invoker = new HttpMessageInvoker(handler);
        await client.ConnectAsync(
            new Uri(server.WebSocketUri, "/speech/translate?api-version=1.0&from=en-US&to=es&features=TextToSpeech&format=audio/wav"), invoker, CancellationToken.None);
        return client;
    }
}
