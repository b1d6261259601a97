using System.Net.WebSockets;
using Orleans.Runtime;
using SpeechCluster.EndToEnd.Tests.Hostile;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>
/// A silo shedding load refuses a conversation's calls with GatewayTooBusyException: the gateway's
/// real connection loop closes with 1013 (try again later) instead of rebuilding the session, which
/// would only add work to an overloaded cluster. The session stand-in refuses as such a silo does.
/// </summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task ClusterShedsLoadMidConversation_Close1013TryAgainLater()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var shedding = new RecordingSession { PushFailure = new GatewayTooBusyException("Shedding load") };
        await using var conversation = InProcessConversation.Start(session: shedding);

        await conversation.SendAsync(WavHeaders.Standard(), WebSocketMessageType.Binary, [], timeout.Token);
        await conversation.SendAsync(new byte[3200], WebSocketMessageType.Binary, [], timeout.Token);
        var (status, reason) = await conversation.CloseAsync(timeout.Token);

        Assert.Equal((WebSocketCloseStatus)1013, status);
        Assert.Contains("overloaded", reason);
        Assert.True(shedding.Abandoned);
    }
}
