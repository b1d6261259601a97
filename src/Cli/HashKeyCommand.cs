using System.CommandLine;
using SpeechCluster.Gateway.Auth;

namespace SpeechCluster.Cli;

/// <summary>
/// <c>speechcluster hash-key</c>: turns a subscription key into the salted hash a server stores in
/// <c>SpeechCluster:Auth:Tenants:&lt;tenant&gt;:KeyHashes</c>, so its configuration holds no usable key.
/// </summary>
internal static class HashKeyCommand
{
    private const string Description = "Print the salted hash of a subscription key (read from standard input) for a server's KeyHashes setting";

    private const int MinKeyLength = 16;

    /// <summary>Shown after the options by <c>hash-key --help</c>.</summary>
    public const string Epilog = """
        The key is read from standard input (its first line), not from the command line, so that it
        stays out of the shell history and the process list.

        Examples:
          key=$(openssl rand -base64 24)
          printf '%s' "$key" | speechcluster hash-key
          SpeechCluster__Auth__Tenants__acme__KeyHashes__0='<the printed hash>'
        """;

    public static Command Create(CliHost host)
    {
        var command = new Command("hash-key", Description);
        command.SetAction(_ =>
        {
            var key = host.In.ReadLine()?.Trim() ?? "";
            if (key.Length < MinKeyLength)
            {
                return CommandRunner.Fail(host, ExitCodes.Usage, $"give the key on standard input; it must have at least {MinKeyLength} characters");
            }

            host.Out.WriteLine(KeyHash.Create(key).ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
