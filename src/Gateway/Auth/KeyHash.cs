using System.Globalization;
using System.Security.Cryptography;

namespace SpeechCluster.Gateway.Auth;

/// <summary>
/// A subscription key stored as a salted PBKDF2-SHA256 hash, written
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt, base64&gt;$&lt;hash, base64&gt;</c>, so that a configuration
/// or a leaked secret store does not hold usable keys. <c>speechcluster hash-key</c> makes one;
/// this file is compiled into the CLI too, so the two cannot disagree on the format.
/// </summary>
internal sealed class KeyHash
{
    public const string Scheme = "pbkdf2-sha256";
    public const string Format = Scheme + "$<iterations>$<salt, base64>$<hash, base64>";

    /// <summary>
    /// Keys are random (not passwords people choose), so PBKDF2 is a safety margin rather than the
    /// main defence; 100 000 iterations cost a few tens of milliseconds, once per key and process.
    /// </summary>
    public const int DefaultIterations = 100_000;

    public const int MinIterations = 10_000;

    /// <summary>A mistyped iteration count must not make every key check take minutes.</summary>
    public const int MaxIterations = 5_000_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private KeyHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        _salt = salt;
        _hash = hash;
    }

    public int Iterations { get; }

    public static KeyHash Create(string key, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new KeyHash(iterations, salt, Derive(key, salt, iterations));
    }

    /// <summary>Parses the stored form; on failure <paramref name="error"/> says what is wrong.</summary>
    public static KeyHash? Parse(string text, out string? error)
    {
        var parts = text.Trim().Split('$');
        error = parts switch
        {
            [not Scheme, ..] => $"it must start with '{Scheme}$'",
            { Length: not 4 } => "it must have four parts separated by '$'",
            [_, var i, _, _] when !int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < MinIterations or > MaxIterations =>
                $"the iteration count must be a number from {MinIterations} to {MaxIterations}",
            [_, _, var s, var h] when FromBase64(s) is not { Length: >= SaltBytes } || FromBase64(h) is not { Length: HashBytes } =>
                $"the salt (at least {SaltBytes} bytes) and hash ({HashBytes} bytes) must be base64",
            _ => null,
        };
        return error is null
            ? new KeyHash(int.Parse(parts[1], CultureInfo.InvariantCulture), FromBase64(parts[2])!, FromBase64(parts[3])!)
            : null;
    }

    /// <summary>Whether <paramref name="key"/> is the key hashed; compared in constant time. Costs one PBKDF2.</summary>
    public bool Matches(string key) => CryptographicOperations.FixedTimeEquals(Derive(key, _salt, Iterations), _hash);

    public override string ToString() =>
        string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(_salt), Convert.ToBase64String(_hash));

    private static byte[] Derive(string key, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(key, salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static byte[]? FromBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
