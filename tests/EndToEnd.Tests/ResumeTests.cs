using System.Net;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The resume extension: a client whose connection dropped continues its conversation.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ResumeTests(SharedGateway gateway)
{
    private const string Query = "api-version=1.0&from=en-US&to=es&features=TimingInfo";

    [Fact]
    public async Task DroppedConnection_Resumed_MissedFinalThenLiveStreamWithSameIdsAndTimingBase()
    {
        var first = TestSpeech.Concat(TestSpeech.Silence(500), TestSpeech.Flite("i would like a cup of coffee"), TestSpeech.Silence(1500));
        var second = TestSpeech.Flite("where is the train station");
        var third = TestSpeech.Concat(TestSpeech.Silence(500), TestSpeech.Flite("hello world"), TestSpeech.Silence(1500));
        string conversation;
        long firstEnd;
        await using (var dropped = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query))
        {
            conversation = dropped.ResponseHeaders["X-ConversationId"].Single();
            await dropped.SendAsync(WavHeaders.Standard());
            await dropped.SendAudioAsync(first);
            await dropped.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
            var final0 = dropped.Finals.Single();
            firstEnd = final0.GetProperty("audioTimeOffset").GetInt64() + final0.GetProperty("audioTimeSize").GetInt64();
            // The second sentence is cut off by the drop: no trailing silence, no close. It goes at
            // real-time pace, and the drop comes a moment later: data still in flight when a
            // connection is reset is lost, as it would be for a real client, so the moment is long
            // enough (1.5 s) for a loaded server to have read it all (a fresh-clone run on a busy
            // machine, waiting 0.5 s, lost "the train station" and finalised "Where is?").
            await dropped.SendAudioPacedAsync(second);
            await Task.Delay(1500);
            dropped.Abort();
        }

        await using var resumed = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, $"{Query}&conversation={conversation}&resumeFrom=0");
        Assert.Equal(conversation, resumed.ResponseHeaders["X-ConversationId"].Single());
        await resumed.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
        await resumed.SendAsync(WavHeaders.Standard());
        await resumed.SendAudioAsync(third);
        await resumed.CloseAndDrainAsync(TimeSpan.FromSeconds(60));

        var finals = resumed.Finals.ToList();
        Assert.Equal(["1", "2"], finals.Select(f => f.GetProperty("id").GetString()));
        var cutOff = finals[0].GetProperty("recognition").GetString()!;
        Assert.True(WordErrorRate.Compute("where is the train station", cutOff) <= 0.3, $"final 1 was '{cutOff}'");
        Assert.Contains("hello", finals[1].GetProperty("recognition").GetString()!, StringComparison.OrdinalIgnoreCase);
        // The timing base runs on: each final starts after the one before it.
        var offsets = finals.Select(f => f.GetProperty("audioTimeOffset").GetInt64()).ToList();
        Assert.True(offsets[0] >= firstEnd && offsets[1] > offsets[0], $"offsets {firstEnd}, {string.Join(", ", offsets)}");
    }

    [Fact]
    public async Task ResumeOfAnotherTenantsConversation_Is404()
    {
        string conversation;
        await using (var owner = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query))
        {
            conversation = owner.ResponseHeaders["X-ConversationId"].Single();
            await owner.SendAsync(WavHeaders.Standard());
            await owner.SendAudioAsync(TestSpeech.Silence(500));
            owner.Abort();
        }

        var refusal = await ProtocolClient.RefusedAsync(gateway.Server.WebSocketUri, $"{Query}&conversation={conversation}&resumeFrom=-1", GatewayServer.OtherKey);

        Assert.Equal(HttpStatusCode.NotFound, refusal.Status);
        Assert.Contains("cannot be resumed", refusal.ErrorMessage);
    }

    [Theory]
    [InlineData("&conversation=0123456789abcdef0123456789abcdef&resumeFrom=3", HttpStatusCode.NotFound)]
    [InlineData("&conversation=0123456789abcdef0123456789abcdef", HttpStatusCode.BadRequest)]
    [InlineData("&conversation=not-an-id&resumeFrom=0", HttpStatusCode.BadRequest)]
    [InlineData("&conversation=0123456789abcdef0123456789abcdef&resumeFrom=seven", HttpStatusCode.BadRequest)]
    public async Task ResumeWithBadOrUnknownConversation_IsRefused(string parameters, HttpStatusCode expected)
    {
        var refusal = await ProtocolClient.RefusedAsync(gateway.Server.WebSocketUri, Query + parameters);

        Assert.Equal(expected, refusal.Status);
    }
}
