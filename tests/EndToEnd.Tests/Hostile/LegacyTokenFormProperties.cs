using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// The legacy DataMarket token form (<c>POST /v2/OAuth2-13</c>) against the real server: any content
/// type and body gets a token (200) or a JSON error (400), never a 500; the plain request gets its token.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class LegacyTokenFormProperties(SharedGateway gateway)
{
    private const string Form = "application/x-www-form-urlencoded";

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, Gen.OneOf(GatewayServer.Key, GatewayServer.OtherKey, "", "client_credentials", "my-app", LegacyTokenForm.DefaultScope)),
        (2, Gen.OneOf("wrong-key-0123456789", GatewayServer.Key + " ", "ü😀\u202E", "a&b=c", "%ZZ", "\0")),
        (1, Gen.Int[100, 5000].Select(n => new string('k', n))),
        (1, Gen.String[0, 30].Select(s => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s)))));

    private static readonly Gen<(string, string)> Pair = Gen.Select(
        Gen.Frequency((6, Gen.OneOf("client_secret", "scope", "grant_type", "client_id")), (1, Gen.OneOf("", "Client_Secret", "x", "😀"))),
        Value);

    private static readonly Gen<LegacyTokenForm> Request = Gen.Frequency(
        (8, Gen.Select(
            Gen.Frequency((6, Gen.Const(Form)), (1, Gen.OneOf(Form + "; charset=utf-8", Form + "; charset=latin1", Form + "; charset=utf-16", Form + "; charset=bogus", Form + "; charset=\""))),
            Pair.Array[0, 5],
            (type, pairs) => LegacyTokenForm.UrlEncoded(type, pairs, GatewayServer.Key))),
        (2, Gen.Select(
            Gen.OneOf<string?>(Form, "multipart/form-data", "multipart/form-data; boundary=xyz", "multipart/form-data; boundary=", "application/json", "text/plain", "x/y; z", null),
            Gen.OneOf(
                $"client_secret={GatewayServer.Key}",
                $"--xyz\r\nContent-Disposition: form-data; name=\"client_secret\"\r\n\r\n{GatewayServer.Key}\r\n--xyz--\r\n",
                "--xyz\r\nContent-Disposition: form-data\r\n\r\nx\r\n",
                "--xyz\r\n\r\n",
                $"{{\"client_secret\":\"{GatewayServer.Key}\"}}",
                new string('k', 3000) + "=1",
                string.Concat(Enumerable.Repeat("a=1&", 1100)) + $"client_secret={GatewayServer.Key}",
                "%%%&&&==="),
            LegacyTokenForm.Raw)));

    [Fact]
    public Task LegacyToken_AnyForm_TokenOrJsonError() =>
        Request.SampleAsync(async form =>
        {
            using var http = new HttpClient();
            using var content = new ByteArrayContent(form.Body);
            content.Headers.ContentType = null;
            if (form.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", form.ContentType);
            }

            using var response = await http.PostAsync(new Uri(gateway.Server.HttpUri, "/v2/OAuth2-13"), content);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var json = JsonDocument.Parse(body).RootElement;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(3, json.GetProperty("access_token").GetString()!.Split('.').Length);
                Assert.Equal("600", json.GetProperty("expires_in").GetString());
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
                Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
            }

            if (form.IsClean)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, body);
                Assert.Equal(form.ExpectedScope, json.GetProperty("scope").GetString());
            }
        }, iter: PropertyRuns.Iterations(300), threads: 1, print: form => form.ToString());
}
