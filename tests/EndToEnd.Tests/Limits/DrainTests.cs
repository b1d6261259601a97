using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Connections;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Limits;

/// <summary>Graceful shutdown of the gateway: no new conversations, open ones run on, then 1001 after their results.</summary>
public sealed class DrainTests
{
    [Fact]
    public async Task Stopping_RefusesNew503_OpenConversationGoesOnThenGetsItsResultsAnd1001()
    {
        var server = await GatewayServer.StartAsync(new Dictionary<string, string?>
        {
            ["SpeechCluster:Gateway:DrainTimeout"] = "00:00:06",
        });
        Task? stopping = null;
        try
        {
            await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, "api-version=1.0&from=en-US&to=es");
            await client.SendAsync(WavHeaders.Standard());
            await client.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("good morning"), TestSpeech.Silence(800)));
            await client.WaitForFinalsAsync(1, TimeSpan.FromSeconds(60));
            Assert.Single(client.Finals);

            var registry = server.Services.GetRequiredService<ConversationRegistry>();
            stopping = server.App.StopAsync();
            await AdmissionTests.WaitUntilAsync(() => registry.Draining);

            var refusal = await ProtocolClient.RefusedAsync(server.HttpUri, "api-version=1.0&from=en-US&to=es");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusal.Status);
            Assert.Contains("shutting down", refusal.ErrorMessage);
            Assert.NotNull(refusal.RetryAfter);

            // The open conversation still works while the gateway drains: a second sentence, left
            // open (no trailing silence), is finalised at the deadline and its final sent before the close.
            await client.SendAudioAsync(TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("thank you very much")));
            await client.WaitForCloseAsync(TimeSpan.FromSeconds(90));

            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.CloseStatus);
            Assert.Contains("shutting down", client.CloseDescription);
            Assert.Equal(["0", "1"], client.Finals.Select(f => f.GetProperty("id").GetString()));
            Assert.NotEqual("", client.Finals.Last().GetProperty("recognition").GetString());
        }
        finally
        {
            await (stopping ?? server.App.StopAsync()).WaitAsync(TimeSpan.FromSeconds(90));
            await server.App.DisposeAsync();
        }
    }
}
