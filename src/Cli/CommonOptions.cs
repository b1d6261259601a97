using System.CommandLine;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary>Options shared by the commands. Environment defaults are applied when the command runs, not as
/// declared defaults, so <c>--help</c> never prints a key taken from the environment.</summary>
internal static class CommonOptions
{
    public static Option<string> Server() => new("--server", "-s")
    {
        Description = $"Server address (ws, wss, http or https). Default: ${CliHost.ServerVariable}, else ws://127.0.0.1:5000",
        HelpName = "URL",
    };

    public static Option<string> Key() => new("--key", "-k")
    {
        Description = $"Subscription key, sent as Ocp-Apim-Subscription-Key. Default: ${CliHost.KeyVariable}",
        HelpName = "KEY",
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Uri ResolveServer(CliHost host, string? value)
    {
        var text = value ?? host.GetEnvironmentVariable(CliHost.ServerVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return SpeechTranslationOptions.DefaultServer;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss" or "http" or "https"))
        {
            throw new ArgumentException($"--server: '{text}' is not a ws://, wss://, http:// or https:// address");
        }

        return uri;
    }

    public static string? ResolveKey(CliHost host, string? value) =>
        value ?? (host.GetEnvironmentVariable(CliHost.KeyVariable) is { Length: > 0 } key ? key : null);
}
