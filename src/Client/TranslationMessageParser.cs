using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpeechCluster.Client;

/// <summary>
/// Reads the server's JSON text messages. Lenient where real servers differ: timing fields may be numbers or
/// strings, optional fields may be missing, unknown fields are ignored.
/// </summary>
internal static class TranslationMessageParser
{
    public static TranslationEvent Parse(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "type") is not { } type)
            {
                return new UnrecognizedMessage(text);
            }

            return new TranslationResult
            {
                Type = type,
                Id = String(root, "id") ?? "",
                Recognition = String(root, "recognition") ?? "",
                Translation = String(root, "translation"),
                Translations = Translations(root),
                AudioTimeOffset = Int64(root, "audioTimeOffset"),
                AudioTimeSize = Int64(root, "audioTimeSize"),
                AudioStreamPosition = Int64(root, "audioStreamPosition"),
                AudioSizeBytes = Int64(root, "audioSizeBytes"),
                Words = Words(root),
                Language = String(root, "language"),
                Json = text,
            };
        }
        catch (JsonException)
        {
            return new UnrecognizedMessage(text);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>Accepts 12, 12.0 and "12" alike: the sample clients parse both forms.</summary>
    private static long? Int64(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number when value.TryGetDouble(out var real) => (long)Math.Round(real),
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedReal) => (long)Math.Round(parsedReal),
            _ => null,
        };
    }

    private static IReadOnlyDictionary<string, string> Translations(JsonElement root)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("translations", out var translations) && translations.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in translations.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    map[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return map;
    }

    private static IReadOnlyList<WordTiming> Words(JsonElement root)
    {
        if (!root.TryGetProperty("words", out var words) || words.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<WordTiming>();
        foreach (var word in words.EnumerateArray())
        {
            if (word.ValueKind == JsonValueKind.Object && String(word, "word") is { } text)
            {
                list.Add(new WordTiming(text, Int64(word, "offset") ?? 0, Int64(word, "duration") ?? 0));
            }
        }

        return list;
    }
}
