using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using CsCheck;
using SpeechCluster.Engines.Audio;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Hosting;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// Properties of the gateway's conversation loop in-process (the real <c>ConversationConnection</c>
/// on an in-memory WebSocket, a recording session behind it): whatever text and binary messages a
/// client sends, in whatever frames, the conversation goes on or ends in a defined close.
/// </summary>
public sealed class ConversationInputProperties
{
    private static readonly GatewayOptions Options = new();
    private static readonly Gen<double[]> Frames = Gen.Frequency((3, Gen.Const(Array.Empty<double>())), (1, Gen.Double.Unit.Array[1, 3]));

    private static readonly Gen<ClientMessage> Text =
        Gen.Select(HostileText.Bytes, Frames, (data, cuts) => new ClientMessage(WebSocketMessageType.Text, data, cuts));

    private static readonly Gen<ClientMessage> Audio = Gen.Select(
        Gen.Frequency(
            (4, Gen.OneOf(WavHeaders.Standard(), WavHeaders.NAudio(), WavHeaders.WithList())),
            (1, Gen.OneOf(WavHeaders.Standard(channels: 2), WavHeaders.Standard(bits: 8), WavHeaders.Standard(sampleRate: 96000))),
            (4, Gen.Byte.Array[0, 400])),
        Frames,
        (data, cuts) => new ClientMessage(WebSocketMessageType.Binary, data, cuts));

    [Fact]
    public Task TextMessage_Anything_FlushesOrClosesWithTheDefinedStatus() =>
        Gen.Select(Gen.Bool, Text).SampleAsync(async (audioFirst, text) =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await using var conversation = InProcessConversation.Start(Options);
            if (audioFirst)
            {
                await conversation.SendAsync([.. WavHeaders.Standard(), .. new byte[640]], WebSocketMessageType.Binary, [], timeout.Token);
            }

            await conversation.SendAsync(text.Data, WebSocketMessageType.Text, text.Cuts, timeout.Token);
            var (status, reason) = await conversation.CloseAsync(timeout.Token);

            var expected = TextMessageOracle.Expected(text.Data, Options.MaxTextMessageBytes);
            Assert.Equal(expected ?? WebSocketCloseStatus.NormalClosure, status);
            Assert.Equal(expected is null && audioFirst ? 1 : 0, conversation.Session.Flushes);
            AssertReason(status, reason);
        }, iter: PropertyRuns.Iterations(1500), print: t => $"audio first: {t.Item1}; {t.Item2}");

    [Fact]
    public Task Conversation_AnyMixOfMessages_EndsInTheCloseTheirFirstFaultCalls() =>
        Gen.Frequency((1, Text), (2, Audio)).Array[1, 6].SampleAsync(async messages =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await using var conversation = InProcessConversation.Start(Options);
            var (expected, expectedReason, flushes, started) = Expect(messages);

            foreach (var message in messages)
            {
                try
                {
                    await conversation.SendAsync(message.Data, message.Type, message.Cuts, timeout.Token);
                }
                catch (WebSocketException)
                {
                    break; // the server has closed already; its close is read below
                }
            }

            var (status, reason) = await conversation.CloseAsync(timeout.Token);

            Assert.Equal(expected, status);
            Assert.Equal(expectedReason ?? reason, reason);
            Assert.Equal(flushes, conversation.Session.Flushes);
            Assert.Equal(started ? 1 : 0, conversation.Session.Starts);
            Assert.Equal(started, conversation.Session.Abandoned);
            AssertReason(status, reason);
        }, iter: PropertyRuns.Iterations(1000), print: m => string.Join("\n", m.AsEnumerable()));

    /// <summary>
    /// Walks the messages as the protocol says: audio through a WAV parser (whose own properties
    /// are in the engine tests), text through <see cref="TextMessageOracle"/>; the first fault ends it.
    /// </summary>
    private static (WebSocketCloseStatus Status, string? Reason, int Flushes, bool Started) Expect(ClientMessage[] messages)
    {
        var parser = new WavStreamParser();
        var flushes = 0;
        foreach (var message in messages)
        {
            if (message.Type == WebSocketMessageType.Binary)
            {
                var result = parser.Feed(message.Data, new ArrayBufferWriter<short>());
                if (result.Status == WavFeedStatus.Invalid)
                {
                    return (WebSocketCloseStatus.InvalidMessageType, result.Reason, flushes, parser.Format is not null);
                }
            }
            else if (TextMessageOracle.Expected(message.Data, Options.MaxTextMessageBytes) is { } close)
            {
                return (close, null, flushes, parser.Format is not null);
            }
            else
            {
                flushes += parser.Format is not null ? 1 : 0;
            }
        }

        return (WebSocketCloseStatus.NormalClosure, "", flushes, parser.Format is not null);
    }

    /// <summary>A 1003 says why in a close reason that fits a control frame (123 bytes).</summary>
    private static void AssertReason(WebSocketCloseStatus? status, string? reason)
    {
        if (status == WebSocketCloseStatus.InvalidMessageType)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason), "1003 without a reason");
        }

        Assert.True(Encoding.UTF8.GetByteCount(reason ?? "") <= 123, $"reason too long: {reason}");
    }
}
