using System.Text.Json.Serialization;

namespace SpeechCluster.Gateway.Protocol;

// Duplicate properties are refused: {"type":"x","type":"flush"} is ambiguous, not a flush.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(LegacyTokenResponse))]
[JsonSerializable(typeof(ClientTextMessage))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;

/// <summary>The answer of the legacy Azure DataMarket token endpoint the oldest samples call.</summary>
internal sealed record LegacyTokenResponse(
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] string ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>A text message from the client; only <c>{"type":"flush"}</c> is defined.</summary>
internal sealed record ClientTextMessage([property: JsonPropertyName("type")] string? Type);
