using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SpeechCluster.Gateway.Auth;

/// <summary>
/// Finds the tenant of a subscription key. No key is kept in plain text: configured <c>Keys</c> are
/// reduced to their SHA-256 digest at start, <c>KeyHashes</c> are salted PBKDF2 hashes. Thread-safe.
/// </summary>
/// <remarks>
/// A PBKDF2 check is deliberately slow, so checking a presented key against every hash on every
/// request would let anyone with random keys burn the gateway's CPU. Instead each configured key
/// remembers the SHA-256 digest of the key that matched it, once one has: later requests with
/// that key cost one SHA-256 and a constant-time scan. Since a hash matches only one key, only hashes
/// not yet matched need PBKDF2, so once every configured key has been used, a wrong key costs no
/// PBKDF2 at all; until then, at most a few run at once (<see cref="SlowChecks"/>), whatever the
/// request rate. The remembered digests are bounded by the number of configured keys.
/// </remarks>
internal sealed class TenantKeyStore
{
    private static readonly byte[] NoDigest = new byte[SHA256.HashSizeInBytes];

    private readonly ConfiguredKey[] _keys;
    private readonly SemaphoreSlim _slowChecks = new(SlowChecks, SlowChecks);
    private long _pbkdf2Checks;

    public TenantKeyStore(IOptions<AuthOptions> options)
    {
        _keys =
        [
            .. options.Value.Tenants.SelectMany(t => t.Value.Keys.Where(k => k.Length > 0)
                .Select(k => new ConfiguredKey(t.Key, hash: null) { MatchedDigest = Digest(k) })),
            .. options.Value.Tenants.SelectMany(t => t.Value.KeyHashes
                .Select(h => new ConfiguredKey(t.Key, KeyHash.Parse(h, out var error) ?? throw new InvalidOperationException($"A key hash of tenant {t.Key}: {error}")))),
        ];
    }

    /// <summary>At most this many PBKDF2 checks run at once: a quarter of the cores, at least one.</summary>
    public static int SlowChecks { get; } = Math.Max(1, Environment.ProcessorCount / 4);

    /// <summary>PBKDF2 computations so far; tests read it to see that the remembered digests are used.</summary>
    public long Pbkdf2Checks => Interlocked.Read(ref _pbkdf2Checks);

    public async Task<string?> FindTenantAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var digest = Digest(key);
        if (FindMatched(digest) is { } tenant)
        {
            return tenant;
        }

        if (!_keys.Any(k => k.MatchedDigest is null))
        {
            return null;
        }

        await _slowChecks.WaitAsync(cancellationToken);
        try
        {
            // Another request may have matched this very key while this one waited.
            if (FindMatched(digest) is { } matchedMeanwhile)
            {
                return matchedMeanwhile;
            }

            foreach (var candidate in _keys.Where(k => k.MatchedDigest is null))
            {
                Interlocked.Increment(ref _pbkdf2Checks);
                if (candidate.Hash!.Matches(key))
                {
                    candidate.MatchedDigest = digest;
                    return candidate.Tenant;
                }
            }

            return null;
        }
        finally
        {
            _slowChecks.Release();
        }
    }

    /// <summary>Looks at every key, so that the time taken does not say which one matched.</summary>
    private string? FindMatched(byte[] digest)
    {
        string? found = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key.MatchedDigest ?? NoDigest, digest))
            {
                found = key.Tenant;
            }
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A configured key: its tenant, its hash (null for a plain key), and the digest of the key once known.</summary>
    private sealed class ConfiguredKey(string tenant, KeyHash? hash)
    {
        private byte[]? _matchedDigest;

        public string Tenant { get; } = tenant;

        public KeyHash? Hash { get; } = hash;

        public byte[]? MatchedDigest
        {
            get => Volatile.Read(ref _matchedDigest);
            set => Volatile.Write(ref _matchedDigest, value);
        }
    }
}
