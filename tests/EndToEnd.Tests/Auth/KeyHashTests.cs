using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.EndToEnd.Tests.Auth;

/// <summary>The stored form of a hashed subscription key (README "Configuration", KeyHashes).</summary>
public sealed class KeyHashTests
{
    private const string Key = "a-subscription-key-0123456789";

    [Fact]
    public void Create_ThenParse_MatchesTheKeyOnly()
    {
        var stored = KeyHash.Create(Key, KeyHash.MinIterations).ToString();

        var parsed = KeyHash.Parse(stored, out var error);

        Assert.Null(error);
        Assert.StartsWith($"pbkdf2-sha256${KeyHash.MinIterations}$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, stored, StringComparison.Ordinal);
        Assert.True(parsed!.Matches(Key));
        Assert.False(parsed.Matches(Key + "x"));
    }

    [Fact]
    public void Create_SameKeyTwice_DifferentSalts()
    {
        Assert.NotEqual(KeyHash.Create(Key, KeyHash.MinIterations).ToString(), KeyHash.Create(Key, KeyHash.MinIterations).ToString());
    }

    [Theory]
    [InlineData("a-subscription-key-0123456789", "must start with")]
    [InlineData("sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "must start with")]
    [InlineData("pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==", "four parts")]
    [InlineData("pbkdf2-sha256$12$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iteration count")]
    [InlineData("pbkdf2-sha256$99999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iteration count")]
    [InlineData("pbkdf2-sha256$10000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "base64")]
    [InlineData("pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA", "base64")]
    public void Parse_Malformed_SaysWhatIsWrong(string text, string expected)
    {
        Assert.Null(KeyHash.Parse(text, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
