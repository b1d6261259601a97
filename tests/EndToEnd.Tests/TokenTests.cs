using System.Net;
using System.Text.Json;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>The token services and the token-based ways to connect (PROTOCOL.md §2).</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenTests(SharedGateway gateway)
{
    private const string Query = "api-version=1.0&from=en-US&to=es";

    [Fact]
    public async Task IssueToken_ValidKey_ReturnsJwtThatConnectsAsBearer()
    {
        var token = await IssueTokenAsync(GatewayServer.Key);

        Assert.Equal(3, token.Split('.').Length);
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query,
            options => options.SetRequestHeader("Authorization", "Bearer " + token), key: null);
        Assert.Single(client.ResponseHeaders["X-RequestId"]);
    }

    [Fact]
    public async Task IssueToken_TokenInAccessTokenQuery_Connects()
    {
        var token = await IssueTokenAsync(GatewayServer.Key);

        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, $"{Query}&access_token={token}", key: null);
        Assert.Single(client.ResponseHeaders["X-RequestId"]);
    }

    [Fact]
    public async Task IssueToken_WrongKey_Is401()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Server.HttpUri, "/sts/v1.0/issueToken"));
        request.Headers.Add("Ocp-Apim-Subscription-Key", "wrong-key-0123456789");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Connect_TamperedToken_Is401()
    {
        var token = await IssueTokenAsync(GatewayServer.Key);
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        var refusal = await ProtocolClient.RefusedAsync(gateway.Server.WebSocketUri, Query, key: null,
            request => request.Headers.Add("Authorization", "Bearer " + tampered));

        Assert.Equal(HttpStatusCode.Unauthorized, refusal.Status);
    }

    [Fact]
    public async Task LegacyOAuthEndpoint_ClientSecretIsKey_ReturnsUsableAccessToken()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(gateway.Server.HttpUri, "/v2/OAuth2-13"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "my-app",
            ["client_secret"] = GatewayServer.Key,
            ["scope"] = "http://api.microsofttranslator.com",
        }));

        response.EnsureSuccessStatusCode();
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("600", json.GetProperty("expires_in").GetString());
        var token = json.GetProperty("access_token").GetString()!;
        await using var client = await ProtocolClient.ConnectAsync(gateway.Server.WebSocketUri, Query,
            options => options.SetRequestHeader("Authorization", "Bearer " + token), key: null);
        Assert.Single(client.ResponseHeaders["X-RequestId"]);
    }

    private async Task<string> IssueTokenAsync(string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Server.HttpUri, "/sts/v1.0/issueToken"))
        {
            Content = new ByteArrayContent([]),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", key);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
