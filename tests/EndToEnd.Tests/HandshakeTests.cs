using System.Net;
using System.Text.RegularExpressions;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>PROTOCOL.md §2-3: what is checked before the upgrade, and what the 101 carries.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HandshakeTests(SharedGateway gateway)
{
    private const string Valid = "api-version=1.0&from=en-US&to=es";

    private Uri Server => gateway.Server.WebSocketUri;

    [Fact]
    public async Task Connect_ValidRequest_Answers101WithRequestIdAndConversationId()
    {
        await using var client = await ProtocolClient.ConnectAsync(Server, Valid);

        Assert.Matches("^[0-9a-f]{32}$", client.ResponseHeaders["X-RequestId"].Single());
        Assert.Matches("^[0-9a-f]{32}$", client.ResponseHeaders["X-ConversationId"].Single());
    }

    [Theory]
    [InlineData("from=en-US&to=es", "api-version")]
    [InlineData("api-version=2.0&from=en-US&to=es", "api-version")]
    [InlineData("api-version=1.0&to=es", "from")]
    [InlineData("api-version=1.0&from=xx-XX&to=es", "from=xx-XX")]
    [InlineData("api-version=1.0&from=en-US", "to")]
    [InlineData("api-version=1.0&from=en-US&to=tlh", "to=tlh")]
    [InlineData("api-version=1.0&from=en-US&to=es&format=audio/ogg", "format")]
    [InlineData("api-version=1.0&from=en-US&to=es&voice=xx-XX-Nobody", "voice")]
    [InlineData("api-version=1.0&from=en-US&to=es&features=Partial,Telepathy", "Telepathy")]
    [InlineData("api-version=1.0&from=en-US&to=es&ProfanityAction=Shout", "ProfanityAction")]
    [InlineData("api-version=1.0&from=en-US&to=es&ProfanityMarker=Bleep", "ProfanityMarker")]
    [InlineData("api-version=1.0&from=en-US&from=en-US&to=es", "more than once")]
    [InlineData("api-version=1.0&from=en-US,en&to=es", "from=en-US,en: en-US is given twice")]
    [InlineData("api-version=1.0&from=en-US,xx-XX&to=es", "'xx-XX' is not a supported speech language")]
    public async Task Connect_BadParameter_Is400WithJsonErrorNamingIt(string query, string named)
    {
        var refusal = await ProtocolClient.RefusedAsync(Server, query);

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Equal("application/json", refusal.ContentType);
        Assert.Equal(400, refusal.ErrorCode);
        Assert.Contains(named, refusal.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(refusal.RequestId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-valid-key-at-all")]
    public async Task Connect_MissingOrWrongKey_Is401(string? key)
    {
        var refusal = await ProtocolClient.RefusedAsync(Server, Valid, key);

        Assert.Equal(HttpStatusCode.Unauthorized, refusal.Status);
        Assert.Equal(401, refusal.ErrorCode);
    }

    [Fact]
    public async Task Connect_KeyInQuery_IsAccepted()
    {
        await using var client = await ProtocolClient.ConnectAsync(Server, $"{Valid}&subscription-key={GatewayServer.Key}", key: null);

        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task Connect_HeaderKeyPresent_QueryKeyIgnored()
    {
        var refusal = await ProtocolClient.RefusedAsync(Server, $"{Valid}&subscription-key={GatewayServer.Key}", key: "wrong-key-but-in-header");

        Assert.Equal(HttpStatusCode.Unauthorized, refusal.Status);
    }

    [Theory]
    [InlineData("API-VERSION=1.0&FROM=en-us&TO=ES&FEATURES=partial,TEXTTOSPEECH,timinginfo&PROFANITYACTION=noaction&FORMAT=AUDIO/MP3")]
    [InlineData("api-version=1.0&from=en&to=es-ES")]
    [InlineData("api-version=1.0&from=en-US&to=es&voice=&X-ClientTraceId=abc&flight=experimental&unknown=1")]
    [InlineData("api-version=1.0&from=en-US&to=es&format=audio/wav16kHz&profanity=Strict&ProfanityMarker=Tag")]
    public async Task Connect_SpellingsRealClientsUse_AreAccepted(string query)
    {
        await using var client = await ProtocolClient.ConnectAsync(Server, query);

        Assert.Single(client.ResponseHeaders["X-RequestId"]);
    }

    [Fact]
    public async Task Get_WithoutUpgrade_Is400()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(gateway.Server.HttpUri, "/speech/translate?" + Valid));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync());
    }
}
