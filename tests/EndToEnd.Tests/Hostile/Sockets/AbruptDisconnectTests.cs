using System.Net.WebSockets;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// A client whose connection vanishes without a close handshake, at every stage of a conversation,
/// by a FIN (<see cref="ClientWebSocket.Abort"/>) or a RST: the gateway releases the connection
/// (its count of conversations returns to what it was) and a conversation beside is unaffected.
/// </summary>
[Collection(HostileGatewayCollection.Name)]
public sealed class AbruptDisconnectTests(HostileGateway gateway)
{
    public enum Stage
    {
        BeforeTheHeader,
        InsideTheHeader,
        AfterTheHeader,
        InsideAFragmentedMessage,
        MidUtterance,
        WhileResultsAreSent,
        AfterTheClientsClose,
    }

    public static TheoryData<Stage, bool> Stages()
    {
        var data = new TheoryData<Stage, bool>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            data.Add(stage, false);
            data.Add(stage, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task Connection_lost_at_any_stage_is_released_and_the_conversation_beside_goes_on(Stage stage, bool reset)
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        await using var client = await ProtocolClient.ConnectResettableAsync(gateway.Server.WebSocketUri, "api-version=1.0&from=en-US&to=es&features=Partial,TextToSpeech");
        await gateway.AssertActiveAsync(2);

        await DriveToAsync(client, stage);
        if (reset)
        {
            client.Reset();
        }
        else
        {
            client.Abort();
        }

        await gateway.AssertActiveAsync(1);
        await beside.AssertUnaffectedAsync();
        await gateway.AssertActiveAsync(0);
    }

    private static async Task DriveToAsync(ProtocolClient client, Stage stage)
    {
        var header = WavHeaders.Standard();
        // Speech with no trailing silence: the utterance is still open when the connection goes.
        var openUtterance = TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("this utterance never ends because the client goes away"));
        switch (stage)
        {
            case Stage.BeforeTheHeader:
                break;
            case Stage.InsideTheHeader:
                await client.SendAsync(header[..20]);
                break;
            case Stage.AfterTheHeader:
                await client.SendAsync(header);
                break;
            case Stage.InsideAFragmentedMessage:
                await client.SendAsync(header);
                await client.SendFragmentedAsync(new byte[3200], WebSocketMessageType.Binary, [1000, 1000, 1000, 200]);
                await client.SendFrameAsync(new byte[1000], WebSocketMessageType.Binary, endOfMessage: false);
                break;
            case Stage.MidUtterance:
                await client.SendAsync(header);
                await client.SendAudioAsync(openUtterance);
                break;
            case Stage.WhileResultsAreSent:
                // Two sentences with spoken translations: partials, a final and its audio are on their way when it goes.
                await client.SendAsync(header);
                await client.SendAudioAsync(Speech.Sentences("where is the train station", "i would like a cup of coffee").Samples);
                await client.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
                Assert.NotEmpty(client.Finals);
                break;
            case Stage.AfterTheClientsClose:
                await client.SendAsync(header);
                await client.SendAudioAsync(openUtterance);
                await client.SendCloseAsync();
                break;
        }
    }
}
