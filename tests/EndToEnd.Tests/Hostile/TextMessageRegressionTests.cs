using System.Net.WebSockets;
using System.Text;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>Counterexamples the text-message properties found, kept as plain tests.</summary>
public sealed class TextMessageRegressionTests
{
    /// <summary>
    /// Found by <see cref="ConversationInputProperties"/>: with "type" twice, the answer depended on
    /// the first value's kind (a string: flush, an object: 1003). Two "type" members are now refused.
    /// </summary>
    [Theory]
    [InlineData("""{"type":{"Flush":"flush\u200B"},"type":"FLUSH"}""")]
    [InlineData("""{"type":"dance","type":"flush"}""")]
    [InlineData("""{"type":"flush","type":"flush"}""")]
    public async Task TextMessage_TypeGivenTwice_ClosesWith1003(string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var conversation = InProcessConversation.Start();
        await conversation.SendAsync([.. WavHeaders.Standard(), .. new byte[640]], WebSocketMessageType.Binary, [], timeout.Token);

        await conversation.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, [], timeout.Token);
        var (status, reason) = await conversation.CloseAsync(timeout.Token);

        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, status);
        Assert.Contains("flush", reason, StringComparison.Ordinal);
        Assert.Equal(0, conversation.Session.Flushes);
    }

    [Theory]
    [InlineData("""{"type":"flush"}""")]
    [InlineData("""{"TYPE":"x","type":"Flush","flush":{"type":"no"},"a":1,"a":2}""")]
    public async Task TextMessage_OneTypeFlush_FlushesAndGoesOn(string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var conversation = InProcessConversation.Start();
        await conversation.SendAsync([.. WavHeaders.Standard(), .. new byte[640]], WebSocketMessageType.Binary, [], timeout.Token);

        await conversation.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, [], timeout.Token);
        var (status, _) = await conversation.CloseAsync(timeout.Token);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.Equal(1, conversation.Session.Flushes);
    }
}
