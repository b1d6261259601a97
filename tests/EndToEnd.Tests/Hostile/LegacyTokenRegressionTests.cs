using System.Net;
using System.Text;
using System.Text.Json;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// Counterexamples <see cref="LegacyTokenFormProperties"/> found: forms ASP.NET Core cannot read
/// made the legacy token endpoint fail with an empty 500; they now get an OAuth error (400).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class LegacyTokenRegressionTests(SharedGateway gateway)
{
    public static TheoryData<string, string> UnreadableForms => new()
    {
        { "application/x-www-form-urlencoded", "x=%00" },
        { "application/x-www-form-urlencoded", $"client_secret={GatewayServer.Key}&scope=a%00b" },
        { "multipart/form-data; boundary=xyz", $"client_secret={GatewayServer.Key}" },
        { "multipart/form-data", "--xyz\r\n\r\n" },
        { "application/x-www-form-urlencoded", new string('k', 3000) + "=1" },
        { "application/x-www-form-urlencoded", string.Concat(Enumerable.Repeat("a=1&", 1100)) + $"client_secret={GatewayServer.Key}" },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task LegacyToken_UnreadableForm_Is400InvalidRequest(string contentType, string body)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await http.PostAsync(new Uri(gateway.Server.HttpUri, "/v2/OAuth2-13"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_request", json.GetProperty("error").GetString());
        Assert.Contains("form could not be read", json.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}
