using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.Client.Tests;

/// <summary><c>speechcluster hash-key</c>: the key on standard input, its hash on standard output.</summary>
public sealed class CliHashKeyTests
{
    private const string Key = "operator-made-key-0123456789";

    [Fact]
    public async Task HashKey_KeyOnStandardInput_PrintsAHashOfThatKeyOnly()
    {
        var run = await CliRun.RunAsync(["hash-key"], input: Key + "\n");

        Assert.Equal(0, run.ExitCode);
        var hash = KeyHash.Parse(run.Out, out var error);
        Assert.True(hash is not null, error);
        Assert.Equal(KeyHash.DefaultIterations, hash.Iterations);
        Assert.True(hash.Matches(Key));
        Assert.DoesNotContain(Key, run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short\n")]
    public async Task HashKey_NoUsableKey_IsAUsageError(string input)
    {
        var run = await CliRun.RunAsync(["hash-key"], input: input);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least 16 characters", run.Error, StringComparison.Ordinal);
    }
}
