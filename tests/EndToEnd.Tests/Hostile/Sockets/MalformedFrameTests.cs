using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Hostile.Sockets;

/// <summary>
/// Frames that break RFC 6455 (§5.1-5.6), sent by hand over TCP: the server fails the connection
/// with 1002 (1007 for text that is not UTF-8), releases it, and a conversation beside is unaffected.
/// </summary>
/// <remarks>
/// The server's close frame is sent, but the connection is reset right after it, and a reset that
/// reaches the client first makes its kernel drop the close frame unread (seen in about half the
/// runs of each case). So the code is checked whenever the close frame arrives; that the connection
/// ends, is released, and leaves the conversation beside alone is checked always.
/// </remarks>
[Collection(HostileGatewayCollection.Name)]
public sealed class MalformedFrameTests(HostileGateway gateway)
{
    private const byte Fin = 0x80;
    private const byte Continuation = 0x0;
    private const byte Text = 0x1;
    private const byte Binary = 0x2;
    private const byte Ping = 0x9;
    private const byte Close = 0x8;

    public static TheoryData<string, int> Violations => new()
    {
        { "unmasked", 1002 },
        { "reserved opcode 0x3", 1002 },
        { "RSV1 without an extension", 1002 },
        { "fragmented ping", 1002 },
        { "continuation with nothing to continue", 1002 },
        { "new message inside a fragmented one", 1002 },
        { "close frame of one byte", 1002 },
        { "text that is not UTF-8", 1007 },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Frame_breaking_the_protocol_fails_the_connection_and_releases_it(string violation, int expectedCode)
    {
        await gateway.AssertActiveAsync(0);
        await using var beside = await BesideConversation.StartAsync(gateway.Server);
        using var client = await RawWebSocketClient.ConnectAsync(gateway.Server, "api-version=1.0&from=en-US&to=es");
        await client.SendFrameAsync(Fin | Binary, WavHeaders.Standard());

        var closing = client.ReadUntilCloseAsync(TimeSpan.FromSeconds(60));
        await SendAsync(client, violation);
        var close = await closing;

        Assert.True(close is null || close.Value.Code == expectedCode, $"{violation}: the server closed with {close?.Code}");
        await gateway.AssertActiveAsync(1);
        await beside.AssertUnaffectedAsync();
    }

    private static Task SendAsync(RawWebSocketClient client, string violation) => violation switch
    {
        "unmasked" => client.SendFrameAsync(Fin | Binary, new byte[320], masked: false),
        "reserved opcode 0x3" => client.SendFrameAsync(Fin | 0x3, new byte[320]),
        "RSV1 without an extension" => client.SendFrameAsync(Fin | 0x40 | Binary, new byte[320]),
        "fragmented ping" => client.SendFrameAsync(Ping, "ping"u8),
        "continuation with nothing to continue" => client.SendFrameAsync(Fin | Continuation, new byte[320]),
        "new message inside a fragmented one" => SendBothAsync(client.SendFrameAsync(Binary, new byte[320]), () => client.SendFrameAsync(Fin | Text, """{"type":"flush"}"""u8)),
        "close frame of one byte" => client.SendFrameAsync(Fin | Close, [3]),
        "text that is not UTF-8" => client.SendFrameAsync(Fin | Text, [0x7B, 0xC3, 0x28, 0x7D]),
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation, null),
    };

    private static async Task SendBothAsync(Task first, Func<Task> second)
    {
        await first;
        await second();
    }
}
