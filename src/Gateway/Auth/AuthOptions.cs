namespace SpeechCluster.Gateway.Auth;

/// <summary>Tenants, their keys, and the token secret. Section <c>SpeechCluster:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "SpeechCluster:Auth";

    /// <summary>Tenant id → its subscription keys. At least one tenant with one key is required.</summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Secret that signs access tokens (HS256), at least 32 characters. Several gateways must share
    /// it. Default: none, in which case a random secret is made at start-up and tokens do not
    /// survive a restart (unless <see cref="TokenSecrets"/> are set).
    /// </summary>
    public string? TokenSecret { get; set; }

    /// <summary>
    /// Secrets for rotation, each at least 32 characters: tokens are signed with the first (or with
    /// <see cref="TokenSecret"/> when this is empty) and accepted when signed with any of these or
    /// <see cref="TokenSecret"/>. To rotate, put the new secret first, keep the old one listed for a
    /// token lifetime, then remove it. Default: none.
    /// </summary>
    public List<string> TokenSecrets { get; set; } = [];

    /// <summary>Lifetime of issued tokens. Default: 10 minutes, as the original service.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class TenantOptions
{
    /// <summary>Subscription keys in plain text (development, <c>./run</c>); hashed in memory at start.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>
    /// Subscription keys as salted hashes (<see cref="KeyHash.Format"/>), made by
    /// <c>speechcluster hash-key</c>: the configuration then holds no usable key.
    /// </summary>
    public List<string> KeyHashes { get; set; } = [];

    /// <summary>
    /// Most concurrent conversations of this tenant on one gateway process (429 beyond); 0 means
    /// no quota. Default: none, in which case <c>SpeechCluster:Gateway:MaxConversationsPerTenant</c> applies.
    /// </summary>
    public int? MaxConversations { get; set; }

    /// <summary>Audio seconds this tenant may stream per calendar month (UTC); beyond, new conversations get 403. Default: none.</summary>
    public double? MonthlyAudioSeconds { get; set; }

    /// <summary>Characters translated per month; beyond, new conversations get 403. Default: none.</summary>
    public long? MonthlyCharactersTranslated { get; set; }

    /// <summary>Characters spoken back per month; beyond, new conversations get 403. Default: none.</summary>
    public long? MonthlyCharactersSynthesized { get; set; }
}
