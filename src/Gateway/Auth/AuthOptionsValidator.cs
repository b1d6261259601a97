using Microsoft.Extensions.Options;

namespace SpeechCluster.Gateway.Auth;

/// <summary>Refuses to start without a usable tenant key, with a message that says what to set.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (!options.Tenants.Any(t => t.Value.Keys.Any(k => !string.IsNullOrWhiteSpace(k)) || t.Value.KeyHashes.Count > 0))
        {
            failures.Add("AuthOptions.Tenants: no tenant has a key. Set SpeechCluster:Auth:Tenants:<tenant>:KeyHashes:0 " +
                         "to the output of `speechcluster hash-key` (environment: SpeechCluster__Auth__Tenants__<tenant>__KeyHashes__0), " +
                         "or Keys:0 to a plain key; ./run makes a development key.");
        }

        foreach (var (tenant, tenantOptions) in options.Tenants)
        {
            if (tenant.Length == 0 || tenant.Contains('/'))
            {
                failures.Add($"AuthOptions.Tenants: tenant id '{tenant}' must be non-empty and contain no '/'.");
            }

            if (tenantOptions.Keys.Any(k => k.Length is > 0 and < 16))
            {
                failures.Add($"AuthOptions.Tenants[{tenant}].Keys: keys must have at least 16 characters.");
            }

            for (var i = 0; i < tenantOptions.KeyHashes.Count; i++)
            {
                if (KeyHash.Parse(tenantOptions.KeyHashes[i], out var error) is null)
                {
                    failures.Add($"AuthOptions.Tenants[{tenant}].KeyHashes[{i}]: not a key hash: {error}. " +
                                 $"Expected {KeyHash.Format}, as `speechcluster hash-key` prints it.");
                }
            }

            if (tenantOptions.MaxConversations is < 0)
            {
                failures.Add($"AuthOptions.Tenants[{tenant}].MaxConversations must be 0 (no quota) or more.");
            }
        }

        if (options.TokenSecret is { Length: < 32 })
        {
            failures.Add("AuthOptions.TokenSecret must have at least 32 characters.");
        }

        if (options.TokenSecrets.Any(s => s.Length < 32))
        {
            failures.Add("AuthOptions.TokenSecrets: each secret must have at least 32 characters.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("AuthOptions.TokenLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
