using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.EndToEnd.Tests.Auth;

/// <summary>Tenant keys configured as hashes only (README "Configuration", KeyHashes), over real handshakes.</summary>
public sealed class HashedKeyTests(HashedKeyGateway gateway) : IClassFixture<HashedKeyGateway>
{
    private const string Query = "api-version=1.0&from=en-US&to=es";

    [Fact]
    public void Configuration_HoldsTheHashButNoPlainKey()
    {
        var values = gateway.App.Configuration.AsEnumerable().Select(pair => pair.Value).OfType<string>().ToList();

        Assert.Contains(gateway.KeyHash, values);
        Assert.DoesNotContain(values, value => value.Contains(gateway.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handshake_KeyOfTheHash_Is101()
    {
        var refusal = await ProtocolClient.RefusedAsync(gateway.WebSocketUri, Query, key: gateway.Key);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, refusal.Status);
    }

    [Fact]
    public async Task Handshake_KeyOfTheHashInQuery_Connects()
    {
        await using var client = await ProtocolClient.ConnectAsync(gateway.WebSocketUri, $"{Query}&subscription-key={gateway.Key}", key: null);

        Assert.Single(client.ResponseHeaders["X-RequestId"]);
    }

    [Fact]
    public async Task Handshake_WrongKey_Is401WithTheDocumentedBody()
    {
        var refusal = await ProtocolClient.RefusedAsync(gateway.WebSocketUri, Query, key: gateway.Key + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, refusal.Status);
        Assert.Equal(401, refusal.ErrorCode);
        Assert.Equal("the subscription key is not valid", refusal.ErrorMessage);
    }

    [Fact]
    public async Task IssueToken_KeyOfTheHash_GivesATokenThatConnects()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.HttpUri, "/sts/v1.0/issueToken")) { Content = new ByteArrayContent([]) };
        request.Headers.Add("Ocp-Apim-Subscription-Key", gateway.Key);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadAsStringAsync();

        await using var client = await ProtocolClient.ConnectAsync(gateway.WebSocketUri, Query,
            options => options.SetRequestHeader("Authorization", "Bearer " + token), key: null);
        Assert.Single(client.ResponseHeaders["X-RequestId"]);
    }

    [Fact]
    public async Task Start_MalformedKeyHash_FailsNamingTheSetting()
    {
        var app = HashedKeyGateway.Create(["--SpeechCluster:Auth:Tenants:acme:KeyHashes:0=not-a-hash"]);
        try
        {
            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Tenants[acme].KeyHashes[0]", failure.Message, StringComparison.Ordinal);
            Assert.Contains(KeyHash.Format, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
