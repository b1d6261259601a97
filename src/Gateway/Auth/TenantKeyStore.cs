using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SpeechCluster.Gateway.Auth;

/// <summary>Finds the tenant of a subscription key. Keys are kept only as SHA-256 digests and compared in constant time.</summary>
internal sealed class TenantKeyStore
{
    private readonly (byte[] Digest, string Tenant)[] _keys;

    public TenantKeyStore(IOptions<AuthOptions> options)
    {
        _keys = options.Value.Tenants
            .SelectMany(t => t.Value.Keys.Where(k => k.Length > 0).Select(k => (Digest(k), t.Key)))
            .ToArray();
    }

    public string? FindTenant(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var digest = Digest(key);
        string? found = null;
        // Look at every key so the time taken does not say which one matched.
        foreach (var (candidate, tenant) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                found = tenant;
            }
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
