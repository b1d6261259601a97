using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>
/// <c>SpeechCluster:Gateway:ResumeWindow</c> at its edge: a dropped conversation is kept for the
/// window and resumed within it; once the window has passed it is gone, and resuming is answered
/// 404 (docs/protocol.md, "Resume").
/// </summary>
public sealed class ResumeWindowTests
{
    private const string Query = "api-version=1.0&from=en-US&to=es";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_dropped_conversation_resumes_within_the_window_and_is_404_once_it_expired()
    {
        await using var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:ResumeWindow"] = Window.ToString("c"),
        });
        var registry = server.Services.GetRequiredService<ConversationRegistry>();
        string conversation;
        await using (var dropped = await ProtocolClient.ConnectAsync(server.WebSocketUri, Query))
        {
            conversation = dropped.ResponseHeaders["X-ConversationId"].Single();
            await dropped.SendAsync(WavHeaders.Standard());
            await dropped.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("where is the train station"), TestSpeech.Silence(1500)));
            // Audio still in flight at a drop is lost; once the final is out, all of it has arrived.
            await dropped.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
            dropped.Abort();
        }

        // The gateway has kept the conversation once it has let go of the connection: the window runs from there.
        await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == 0);
        // Resuming from "none received" gets the final produced before the drop again.
        await using (var resumed = await ProtocolClient.ConnectAsync(server.WebSocketUri, $"{Query}&conversation={conversation}&resumeFrom=-1"))
        {
            Assert.Equal(conversation, resumed.ResponseHeaders["X-ConversationId"].Single());
            await resumed.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
            var final = Assert.Single(resumed.Finals);
            Assert.Equal("0", final.GetProperty("id").GetString());
            Assert.Contains("train", final.GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
            resumed.Abort();
        }

        // Dropped again, and this time nobody comes back: waiting out twice the window leaves the
        // timer that ends the conversation room to fire on a loaded machine (resuming earlier would
        // attach again and stop it, so there is nothing to poll).
        await AdmissionTests.WaitUntilAsync(() => registry.ActiveCount == 0);
        await Task.Delay(Window * 2);
        var refusal = await ProtocolClient.RefusedAsync(server.HttpUri, $"{Query}&conversation={conversation}&resumeFrom=0");

        Assert.Equal(HttpStatusCode.NotFound, refusal.Status);
        Assert.Equal(404, refusal.ErrorCode);
        Assert.Equal($"conversation {conversation} cannot be resumed: it is unknown, has expired, or belongs to another tenant", refusal.ErrorMessage);
    }
}
