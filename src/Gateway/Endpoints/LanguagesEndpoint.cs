using System.Text.Encodings.Web;
using System.Text.Json;
using SpeechCluster.Gateway.Languages;
using SpeechCluster.Gateway.Protocol;

namespace SpeechCluster.Gateway.Endpoints;

/// <summary><c>GET /languages</c> (PROTOCOL.md §7): what can be spoken, translated into, and voiced. No authentication.</summary>
internal static class LanguagesEndpoint
{
    private static readonly string[] Scopes = ["speech", "text", "tts"];

    public static IEndpointRouteBuilder MapLanguages(this IEndpointRouteBuilder endpoints)
    {
        // Routing matches paths case-insensitively: the SpeechTranslator app asks for /Languages.
        endpoints.MapGet("/languages", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, LanguageCatalogProvider catalogs)
    {
        var apiVersion = context.Request.Query["api-version"].ToString();
        if (apiVersion.Length > 0 && apiVersion != "1.0")
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "api-version must be 1.0");
            return;
        }

        var requested = context.Request.Query["scope"].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.ToLowerInvariant()).Distinct().ToArray();
        if (requested.FirstOrDefault(s => !Scopes.Contains(s)) is { } unknown)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, $"scope '{unknown}' is not one of speech, text, tts");
            return;
        }

        if (await catalogs.TryGetAsync(context.RequestAborted) is not { } catalog)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "no silo of the speech cluster is answering; try again shortly");
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        foreach (var scope in requested.Length == 0 ? ["text"] : requested)
        {
            json.WriteStartObject(scope);
            switch (scope)
            {
                case "speech": WriteSpeech(json, catalog); break;
                case "text": WriteText(json, catalog); break;
                default: WriteVoices(json, catalog); break;
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSpeech(Utf8JsonWriter json, LanguageCatalog catalog)
    {
        foreach (var locale in catalog.Engines.SpeechLocales)
        {
            json.WriteStartObject(locale.Locale);
            json.WriteString("name", LanguageNames.Name(locale.Language));
            json.WriteString("language", locale.Language);
            if (locale.Detects && locale.Model is not null)
            {
                // The detection extension: locales with one detectionGroup may be given together, from=en-US,es-ES.
                json.WriteString("detectionGroup", locale.Model);
            }

            json.WriteEndObject();
        }
    }

    private static void WriteText(Utf8JsonWriter json, LanguageCatalog catalog)
    {
        foreach (var language in catalog.TextLanguages)
        {
            json.WriteStartObject(language);
            json.WriteString("name", LanguageNames.Name(language));
            json.WriteString("dir", LanguageNames.IsRightToLeft(language) ? "rtl" : "ltr");
            json.WriteEndObject();
        }
    }

    private static void WriteVoices(Utf8JsonWriter json, LanguageCatalog catalog)
    {
        foreach (var voice in catalog.Engines.Voices.Where(v => catalog.TextLanguages.Contains(v.Language, StringComparer.OrdinalIgnoreCase)))
        {
            json.WriteStartObject(voice.Id);
            json.WriteString("displayName", voice.DisplayName);
            json.WriteString("gender", voice.Gender);
            json.WriteString("locale", voice.Locale);
            json.WriteString("languageName", voice.LanguageName);
            json.WriteString("regionName", voice.RegionName);
            json.WriteString("language", voice.Language);
            json.WriteEndObject();
        }
    }
}
