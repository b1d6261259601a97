using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Unicode;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>What the protocol says the server answers to a client text message (docs/protocol.md).</summary>
internal static class TextMessageOracle
{
    /// <summary>
    /// Null for the flush extension (the conversation goes on); otherwise the close status: 1007 for
    /// bytes that are not UTF-8 (RFC 6455 §8.1), 1009 over <paramref name="maxTextBytes"/>, 1003 for
    /// any other text.
    /// </summary>
    public static WebSocketCloseStatus? Expected(byte[] message, int maxTextBytes) =>
        !Utf8.IsValid(message) ? WebSocketCloseStatus.InvalidPayloadData
        : message.Length > maxTextBytes ? WebSocketCloseStatus.MessageTooBig
        : IsFlush(message) ? null
        : WebSocketCloseStatus.InvalidMessageType;

    /// <summary>
    /// A JSON object with one "type" member, the string "flush" in any case; other members are
    /// ignored, and two "type" members are ambiguous, so not a flush.
    /// </summary>
    public static bool IsFlush(byte[] message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var types = document.RootElement.EnumerateObject().Where(p => p.Name == "type").ToList();
            return types is [{ Value.ValueKind: JsonValueKind.String } type]
                && string.Equals(type.Value.GetString(), "flush", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not text (a lone surrogate escape): not a flush either way.
            return false;
        }
    }
}
