using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace SpeechCluster.Client.Tests;

public sealed class HandshakeTests
{
    [Fact]
    public async Task ConnectAsync_AllOptions_SendsTheDocumentedQueryAndKeyHeader()
    {
        await using var server = await FakeTranslationServer.StartSessionAsync(socket => ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, ""));
        var options = Options.For(server, "es", "fr");
        options.SubscriptionKey = "secret-key";
        options.Features = SpeechFeatures.Partial | SpeechFeatures.TextToSpeech | SpeechFeatures.TimingInfo;
        options.Voice = "es-ES-Laura";
        options.Format = AudioFormats.Mp3;
        options.ProfanityAction = ProfanityAction.Deleted;
        options.ProfanityMarker = ProfanityMarker.Tag;

        await using var client = await SpeechTranslationClient.ConnectAsync(options);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/speech/translate", request.Path);
        Assert.Contains("to=es,fr", request.RawQuery); // literal commas, as the extension documents
        var query = QueryHelpers(request.RawQuery);
        Assert.Equal("1.0", query["api-version"]);
        Assert.Equal("en-US", query["from"]);
        Assert.Equal("Partial,TextToSpeech,TimingInfo", query["features"]);
        Assert.Equal("es-ES-Laura", query["voice"]);
        Assert.Equal("audio/mp3", query["format"]);
        Assert.Equal("Deleted", query["ProfanityAction"]);
        Assert.Equal("Tag", query["ProfanityMarker"]);
        Assert.Equal("secret-key", request.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("0123456789abcdef0123456789abcdef", client.RequestId);
        Assert.Equal("conversation-42", client.ConversationId);
    }

    [Fact]
    public async Task ConnectAsync_AccessTokenAndHttpAddress_SendsBearerOverWebSocket()
    {
        await using var server = await FakeTranslationServer.StartSessionAsync(socket => ServerSide.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, ""));
        var options = Options.For(server);
        options.Server = new Uri($"http://127.0.0.1:{server.Address.Port}/");
        options.AccessToken = "token-123";

        await using var client = await SpeechTranslationClient.ConnectAsync(options);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer token-123", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("Ocp-Apim-Subscription-Key"));
        Assert.Equal("ws", client.SessionUri.Scheme);
        Assert.DoesNotContain("features=", request.RawQuery);
    }

    [Theory]
    [InlineData(401, "Invalid subscription key.")]
    [InlineData(400, "Unsupported language 'xx-XX' for 'from'.")]
    [InlineData(429, "Too many concurrent sessions for this key.")]
    public async Task ConnectAsync_RefusedWithJsonBody_ThrowsRejectedWithStatusAndMessage(int status, string message)
    {
        await using var server = await FakeTranslationServer.StartHttpAsync(context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new { error = new { code = status, message } });
        });

        var rejected = await Assert.ThrowsAsync<SpeechTranslationRejectedException>(() => SpeechTranslationClient.ConnectAsync(Options.For(server)));

        Assert.Equal(status, rejected.StatusCode);
        Assert.Equal(status, rejected.ErrorCode);
        Assert.Equal(message, rejected.ServerMessage);
        Assert.Contains(message, rejected.Message);
    }

    [Fact]
    public async Task ConnectAsync_RefusedWithPlainText_KeepsTheTextAsTheMessage()
    {
        await using var server = await FakeTranslationServer.StartHttpAsync(context =>
        {
            context.Response.StatusCode = 401;
            return context.Response.WriteAsync("no key\n");
        });

        var rejected = await Assert.ThrowsAsync<SpeechTranslationRejectedException>(() => SpeechTranslationClient.ConnectAsync(Options.For(server)));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Null(rejected.ErrorCode);
        Assert.Equal("no key", rejected.ServerMessage);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsConnectionException()
    {
        var options = new SpeechTranslationOptions { Server = new Uri($"ws://127.0.0.1:{ClosedPort()}"), From = "en-US", To = ["es"] };

        var failure = await Assert.ThrowsAsync<SpeechTranslationConnectionException>(() => SpeechTranslationClient.ConnectAsync(options));

        Assert.Equal(options.Server.Port, failure.Server.Port);
    }

    [Fact]
    public async Task ConnectAsync_NoTarget_ThrowsArgumentExceptionNamingTheOption()
    {
        var options = new SpeechTranslationOptions { From = "en-US" };

        var invalid = await Assert.ThrowsAsync<ArgumentException>(() => SpeechTranslationClient.ConnectAsync(options));

        Assert.Contains("SpeechTranslationOptions.To", invalid.Message);
    }

    /// <summary>A port nothing listens on: bound, read and released.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Dictionary<string, string> QueryHelpers(string rawQuery) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(rawQuery).ToDictionary(p => p.Key, p => p.Value.ToString());
}
