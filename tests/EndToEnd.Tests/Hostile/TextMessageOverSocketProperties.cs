using System.Net.WebSockets;
using System.Text;
using CsCheck;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// The client text message through the real server (Kestrel, the embedded silo, the real session)
/// over a real WebSocket, for a bounded number of generated messages: a flush, or a close that says why.
/// The in-process <see cref="ConversationInputProperties"/> run the same property many more times.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TextMessageOverSocketProperties(SharedGateway gateway)
{
    private const string Query = "api-version=1.0&from=en-US&to=es";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public Task TextMessage_Anything_FlushesOrClosesWithTheDefinedStatus() =>
        Gen.Select(Gen.Bool, HostileText.Text).SampleAsync(async (audioFirst, text) =>
        {
            await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query);
            if (audioFirst)
            {
                await client.SendAsync([.. WavHeaders.Standard(), .. new byte[3200]]);
            }

            await client.SendTextAsync(text);
            await client.CloseAndDrainAsync(Patience);

            var expected = TextMessageOracle.Expected(Encoding.UTF8.GetBytes(text), new GatewayOptions().MaxTextMessageBytes);
            Assert.Equal(expected ?? WebSocketCloseStatus.NormalClosure, client.CloseStatus);
            if (expected == WebSocketCloseStatus.InvalidMessageType)
            {
                Assert.Contains("{\"type\":\"flush\"}", client.CloseDescription, StringComparison.Ordinal);
            }
        }, iter: PropertyRuns.Iterations(60), threads: 1, print: t => $"audio first: {t.Item1}; {t.Item2}");
}
