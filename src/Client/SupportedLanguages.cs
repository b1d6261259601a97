using System.Net.Http.Headers;
using System.Text.Json;

namespace SpeechCluster.Client;

/// <summary>
/// The answer of <c>GET /languages</c>: what a server can recognize (<see cref="Speech"/>), translate into
/// (<see cref="Text"/>) and speak (<see cref="Voices"/>). Immutable.
/// </summary>
public sealed class SupportedLanguages
{
    private SupportedLanguages(string json, IReadOnlyDictionary<string, SpeechLanguage> speech,
        IReadOnlyDictionary<string, TextLanguage> text, IReadOnlyDictionary<string, TtsVoice> voices)
    {
        Json = json;
        Speech = speech;
        Text = text;
        Voices = voices;
    }

    /// <summary>Values for <c>from</c>, e.g. <c>en-US</c>. Empty when the scope was not asked for.</summary>
    public IReadOnlyDictionary<string, SpeechLanguage> Speech { get; }

    /// <summary>Values for <c>to</c>, e.g. <c>es</c>.</summary>
    public IReadOnlyDictionary<string, TextLanguage> Text { get; }

    /// <summary>Values for <c>voice</c>, e.g. <c>en-US-Zira</c>.</summary>
    public IReadOnlyDictionary<string, TtsVoice> Voices { get; }

    /// <summary>The body as received.</summary>
    public string Json { get; }

    /// <summary>Asks a server what it supports. No authentication is sent: the endpoint needs none.</summary>
    /// <param name="server">Server base address (ws, wss, http or https).</param>
    /// <param name="scope">Comma-separated subset of <c>speech</c>, <c>text</c>, <c>tts</c>. Default: all three.</param>
    /// <param name="acceptLanguage">Language for the names (<c>Accept-Language</c>). Default: none (English).</param>
    /// <param name="httpClient">Client to use; default: a new one for this call. Not disposed here.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="SpeechTranslationRejectedException">An HTTP error answer (400, 429…).</exception>
    /// <exception cref="SpeechTranslationConnectionException">No answer.</exception>
    public static async Task<SupportedLanguages> GetAsync(Uri server, string scope = "speech,text,tts", string? acceptLanguage = null,
        HttpClient? httpClient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var uri = TranslateUri.ForLanguages(server, scope);
        using var owned = httpClient is null ? new HttpClient() : null;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        }

        HttpResponseMessage response;
        try
        {
            response = await (httpClient ?? owned!).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SpeechTranslationConnectionException(uri, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ServerErrorBody.ToException((int)response.StatusCode, body);
            }

            return Parse(body);
        }
    }

    /// <summary>Reads a <c>/languages</c> body; unknown scopes and fields are ignored.</summary>
    /// <exception cref="SpeechTranslationException">The body is not such a JSON object.</exception>
    public static SupportedLanguages Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new SupportedLanguages(json,
                Scope(root, "speech", e => new SpeechLanguage(Field(e, "name"), Field(e, "language"))),
                Scope(root, "text", e => new TextLanguage(Field(e, "name"), Field(e, "dir"))),
                Scope(root, "tts", e => new TtsVoice(Field(e, "displayName"), Field(e, "gender"), Field(e, "locale"),
                    Field(e, "language"), Field(e, "languageName"), Field(e, "regionName"))));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new SpeechTranslationException($"Not a /languages answer: {ex.Message}", ex);
        }
    }

    private static IReadOnlyDictionary<string, T> Scope<T>(JsonElement root, string name, Func<JsonElement, T> read)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty(name, out var scope) && scope.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in scope.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object)
                {
                    map[entry.Name] = read(entry.Value);
                }
            }
        }

        return map;
    }

    private static string Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
