using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SpeechCluster.Gateway.Auth;

/// <summary>
/// Issues and checks access tokens: JWTs signed with HS256, as the original token service issued,
/// carrying the tenant. Thread-safe.
/// </summary>
internal sealed class TokenService
{
    private const string Issuer = "urn:speechcluster";
    private const string Audience = "urn:ms.microsofttranslator";
    private const string TenantClaim = "tenant";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _signingKey;
    private readonly SymmetricSecurityKey[] _validationKeys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public TokenService(IOptions<AuthOptions> options, TimeProvider time)
    {
        // TokenSecrets first: during a rotation from the single TokenSecret, adding the new secret
        // to TokenSecrets signs with it at once while tokens signed with the old one stay valid.
        string[] secrets = [.. options.Value.TokenSecrets.Where(s => s.Length > 0), .. options.Value.TokenSecret is { Length: > 0 } single ? [single] : Array.Empty<string>()];
        _validationKeys = secrets.Length > 0
            ? [.. secrets.Select(s => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(s)))]
            : [new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))];
        _signingKey = _validationKeys[0];
        _time = time;
        _lifetime = options.Value.TokenLifetime;
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(string tenant)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _lifetime,
            Claims = new Dictionary<string, object> { [TenantClaim] = tenant },
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The tenant of a valid, unexpired token; null otherwise.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKeys = _validationKeys,   // tokens carry no key id: each secret is tried
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > _time.GetUtcNow().UtcDateTime.AddSeconds(-30),
        });
        return result.IsValid && result.ClaimsIdentity.FindFirst(TenantClaim) is Claim claim ? claim.Value : null;
    }
}
