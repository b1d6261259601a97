using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.EndToEnd.Tests.Auth;

/// <summary>
/// Rotating the token secret (README "Configuration", TokenSecrets): each service below is one
/// gateway configuration in the sequence an operator goes through.
/// </summary>
public sealed class TokenSecretRotationTests
{
    private const string OldSecret = "old-token-secret-0123456789abcdef0123456789";
    private const string NewSecret = "new-token-secret-0123456789abcdef0123456789";

    [Fact]
    public async Task OldToken_AcceptedWhileItsSecretIsListed_RejectedOnceRemoved()
    {
        var token = Service(tokenSecrets: [OldSecret]).Issue("acme");

        Assert.Equal("acme", await Service(tokenSecrets: [NewSecret, OldSecret]).ValidateAsync(token));
        Assert.Null(await Service(tokenSecrets: [NewSecret]).ValidateAsync(token));
    }

    [Fact]
    public async Task DuringRotation_NewTokensAreSignedWithTheFirstSecret()
    {
        var token = Service(tokenSecrets: [NewSecret, OldSecret]).Issue("acme");

        Assert.Equal("acme", await Service(tokenSecrets: [NewSecret]).ValidateAsync(token));
        Assert.Null(await Service(tokenSecrets: [OldSecret]).ValidateAsync(token));
    }

    [Fact]
    public async Task FromSingleTokenSecret_AddingTokenSecretsSignsWithTheNewAndKeepsTheOld()
    {
        var oldToken = Service(tokenSecret: OldSecret).Issue("acme");
        var rotating = Service(tokenSecret: OldSecret, tokenSecrets: [NewSecret]);

        Assert.Equal("acme", await rotating.ValidateAsync(oldToken));
        Assert.Equal("acme", await Service(tokenSecrets: [NewSecret]).ValidateAsync(rotating.Issue("acme")));
    }

    [Fact]
    public async Task SingleTokenSecret_StillSignsAndValidates()
    {
        var token = Service(tokenSecret: OldSecret).Issue("acme");

        Assert.Equal("acme", await Service(tokenSecret: OldSecret).ValidateAsync(token));
        Assert.Null(await Service(tokenSecret: NewSecret).ValidateAsync(token));
    }

    private static TokenService Service(string? tokenSecret = null, List<string>? tokenSecrets = null) =>
        new(Options.Create(new AuthOptions { TokenSecret = tokenSecret, TokenSecrets = tokenSecrets ?? [] }), TimeProvider.System);
}
