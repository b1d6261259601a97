using System.Net;
using System.Text.Json;
using SpeechCluster.EndToEnd.Tests.Infrastructure;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>GET /languages (PROTOCOL.md §7): no authentication, scopes, and the fields clients read.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LanguagesTests(SharedGateway gateway)
{
    [Fact]
    public async Task Languages_NoScope_ListsTextOnly()
    {
        var json = await GetAsync("/languages?api-version=1.0");

        Assert.True(json.TryGetProperty("text", out var text));
        Assert.False(json.TryGetProperty("speech", out _));
        Assert.Equal("ltr", text.GetProperty("es").GetProperty("dir").GetString());
        Assert.Equal("Spanish", text.GetProperty("es").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Languages_AllScopes_DescribeSpeechTextAndVoices()
    {
        // The SpeechTranslator app asks for /Languages with a capital L.
        var json = await GetAsync("/Languages?api-version=1.0&scope=text,speech,tts");

        var english = json.GetProperty("speech").GetProperty("en-US");
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("English", english.GetProperty("name").GetString());
        Assert.True(json.GetProperty("text").TryGetProperty("en", out _));

        var voices = json.GetProperty("tts").EnumerateObject().ToList();
        Assert.Contains(voices, v => v.Value.GetProperty("language").GetString() == "es");
        Assert.Contains(voices, v => v.Value.GetProperty("language").GetString() == "en");
        foreach (var voice in voices)
        {
            foreach (var field in new[] { "displayName", "gender", "locale", "language", "languageName", "regionName" })
            {
                Assert.False(string.IsNullOrEmpty(voice.Value.GetProperty(field).GetString()), $"{voice.Name}.{field}");
            }

            Assert.Contains(voice.Value.GetProperty("gender").GetString(), new[] { "male", "female" });
        }
    }

    [Fact]
    public async Task Languages_UnknownScope_Is400()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(gateway.Server.HttpUri, "/languages?api-version=1.0&scope=smell"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(gateway.Server.HttpUri, path));
        response.EnsureSuccessStatusCode();
        Assert.True(response.Headers.Contains("X-RequestId"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
