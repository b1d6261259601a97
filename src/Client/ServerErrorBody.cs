using System.Text.Json;

namespace SpeechCluster.Client;

/// <summary>Reads the <c>{"error":{"code":N,"message":"..."}}</c> body of a rejected request.</summary>
internal static class ServerErrorBody
{
    public static SpeechTranslationRejectedException ToException(int statusCode, string? body, Exception? inner = null)
    {
        var (code, message) = Parse(body);
        return new SpeechTranslationRejectedException(statusCode, code, message, body, inner);
    }

    private static (int? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not the documented JSON: the text itself is the best explanation there is.
        }

        return (null, body.Trim());
    }
}
