using Microsoft.Extensions.Options;
using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.EndToEnd.Tests.Auth;

/// <summary>Key lookup with hashed keys: correct tenants, and PBKDF2 only where nothing cheaper can answer.</summary>
public sealed class TenantKeyStoreTests
{
    private const string AcmeKey = "acme-key-0123456789abcdef";
    private const string GlobexKey = "globex-key-0123456789abcdef";
    private const string PlainKey = "plain-key-0123456789abcdef";

    private readonly TenantKeyStore _store = new(Options.Create(new AuthOptions
    {
        Tenants = new(StringComparer.Ordinal)
        {
            ["acme"] = new() { KeyHashes = [KeyHash.Create(AcmeKey, KeyHash.MinIterations).ToString()] },
            ["globex"] = new() { KeyHashes = [KeyHash.Create(GlobexKey, KeyHash.MinIterations).ToString()] },
            ["dev"] = new() { Keys = [PlainKey] },
        },
    }));

    [Fact]
    public async Task FindTenant_EachKind_FindsItsTenant()
    {
        Assert.Equal("acme", await _store.FindTenantAsync(AcmeKey));
        Assert.Equal("globex", await _store.FindTenantAsync(GlobexKey));
        Assert.Equal("dev", await _store.FindTenantAsync(PlainKey));
        Assert.Null(await _store.FindTenantAsync("wrong-key-0123456789abcdef"));
        Assert.Null(await _store.FindTenantAsync(""));
    }

    [Fact]
    public async Task FindTenant_PlainKey_NeedsNoPbkdf2()
    {
        Assert.Equal("dev", await _store.FindTenantAsync(PlainKey));

        Assert.Equal(0, _store.Pbkdf2Checks);
    }

    [Fact]
    public async Task FindTenant_HashedKeyAgain_IsRememberedWithoutPbkdf2()
    {
        Assert.Equal("acme", await _store.FindTenantAsync(AcmeKey));
        var afterFirst = _store.Pbkdf2Checks;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("acme", await _store.FindTenantAsync(AcmeKey));
        }

        Assert.InRange(afterFirst, 1, 2);
        Assert.Equal(afterFirst, _store.Pbkdf2Checks);
    }

    [Fact]
    public async Task FindTenant_WrongKeys_CheckOnlyHashesNotYetMatched_AndNoneOnceAllWereUsed()
    {
        Assert.Equal("acme", await _store.FindTenantAsync(AcmeKey));
        var before = _store.Pbkdf2Checks;

        Assert.Null(await _store.FindTenantAsync("scanner-guess-0123456789"));
        Assert.Equal(before + 1, _store.Pbkdf2Checks);   // globex's hash alone

        Assert.Equal("globex", await _store.FindTenantAsync(GlobexKey));
        var allUsed = _store.Pbkdf2Checks;
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await _store.FindTenantAsync($"scanner-guess-{i:D4}-0123456789"));
        }

        Assert.Equal(allUsed, _store.Pbkdf2Checks);
    }
}
