using System.Net;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Protocol;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>Counterexamples <see cref="TranslateRequestParserProperties"/> found, kept as plain tests.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HandshakeRegressionTests(SharedGateway gateway)
{
    /// <summary>40 UTF-16 units of "x" and emoji end inside the 20th emoji: the clipped value split it.</summary>
    private static readonly string SplitEmoji = "x" + string.Concat(Enumerable.Repeat("😀", 20));

    [Fact]
    public void Parse_LongValueOfEmoji_ClipsBetweenCharacters()
    {
        var request = TranslateRequestParserProperties.Request([("api-version", SplitEmoji), ("from", "en-US"), ("to", "es")], "", []);

        var error = TranslateRequestParser.Parse(request.Query, request.Headers, TranslateRequestParserProperties.Catalog).Error;

        Assert.Equal($"api-version '{SplitEmoji[..39]}…' is not supported; use 1.0", error);
    }

    [Fact]
    public async Task Connect_LongValueOfEmoji_Is400NamingTheClippedValue()
    {
        var refusal = await ProtocolClient.RefusedAsync(gateway.Server.WebSocketUri, $"api-version={Uri.EscapeDataString(SplitEmoji)}&from=en-US&to=es");

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.Equal($"api-version '{SplitEmoji[..39]}…' is not supported; use 1.0", refusal.ErrorMessage);
    }

    /// <summary>Enum.TryParse read "NoAction,Marked" as the flags NoAction|Marked, which is Marked.</summary>
    [Theory]
    [InlineData("ProfanityAction", "NoAction,Marked")]
    [InlineData("ProfanityAction", "1,0")]
    [InlineData("ProfanityMarker", "Asterisk,Asterisk")]
    [InlineData("disfluency", "Removed,Removed")]
    public async Task Connect_EnumParameterAsACommaList_Is400NamingIt(string parameter, string value)
    {
        var refusal = await ProtocolClient.RefusedAsync(gateway.Server.WebSocketUri, $"api-version=1.0&from=en-US&to=es&{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.BadRequest, refusal.Status);
        Assert.StartsWith($"{parameter} '{value}'", refusal.ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>These messages named a feature value, not the parameter.</summary>
    [Theory]
    [InlineData("features=Partial,Telepathy", "features: 'Telepathy'")]
    [InlineData("features=TextToSpeech&to=it", "features=TextToSpeech")]
    public void Parse_BadFeatures_ErrorStartsWithTheParameter(string query, string start)
    {
        var request = TranslateRequestParserProperties.Request([("api-version", "1.0"), ("from", "en-US")], "&" + query + (query.Contains("to=") ? "" : "&to=es"), []);

        var error = TranslateRequestParser.Parse(request.Query, request.Headers, TranslateRequestParserProperties.Catalog).Error;

        Assert.StartsWith(start, error, StringComparison.Ordinal);
    }
}
