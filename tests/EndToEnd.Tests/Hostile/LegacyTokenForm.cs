using System.Text;

namespace SpeechCluster.EndToEnd.Tests.Hostile;

/// <summary>
/// A <c>POST /v2/OAuth2-13</c> as a test sends it: a content type (or none) and body bytes; and
/// whether it is the plain, well-formed request every legacy client sends, with its expected scope.
/// </summary>
internal sealed record LegacyTokenForm(string? ContentType, byte[] Body, bool IsClean, string? ExpectedScope)
{
    public const string DefaultScope = "http://api.microsofttranslator.com";

    /// <summary>A url-encoded form of the pairs; clean when it holds exactly one client_secret, the valid key, and no NUL.</summary>
    public static LegacyTokenForm UrlEncoded(string contentType, (string Name, string Value)[] pairs, string validKey)
    {
        var body = string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        // ASP.NET Core matches form names case-insensitively, leaves out empty values, and refuses
        // a NUL anywhere as malformed.
        var secrets = pairs.Where(p => p.Name.Equals("client_secret", StringComparison.OrdinalIgnoreCase) && p.Value.Length > 0).ToList();
        var scope = string.Join(",", pairs.Where(p => p.Name.Equals("scope", StringComparison.OrdinalIgnoreCase) && p.Value.Length > 0).Select(p => p.Value));
        var clean = secrets is [{ Value: var secret }] && secret == validKey && !pairs.Any(p => (p.Name + p.Value).Contains('\0'))
            && contentType is "application/x-www-form-urlencoded" or "application/x-www-form-urlencoded; charset=utf-8";
        return new LegacyTokenForm(contentType, Encoding.UTF8.GetBytes(body), clean, scope.Length > 0 ? scope : DefaultScope);
    }

    public static LegacyTokenForm Raw(string? contentType, string body) => new(contentType, Encoding.UTF8.GetBytes(body), false, null);

    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Body);
        return $"Content-Type: {ContentType ?? "(none)"}; {Body.Length} bytes: {(body.Length > 400 ? body[..200] + "…" + body[^200..] : body)}";
    }
}
