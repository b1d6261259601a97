using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SpeechCluster.Cli;

/// <summary>The <c>speechcluster</c> command line: parses, runs, and returns the exit code.</summary>
internal static class CliApp
{
    private const string Description = """
        Real-time speech translation from the command line, against a SpeechCluster server or any server
        speaking the Microsoft Translator Speech API v1.0.
        """;

    private const string Epilog = """
        Examples:
          speechcluster translate talk.wav --from en-US --to es
          speechcluster translate talk.wav --from en-US --to es,fr --partial --tts out
          speechcluster languages --server wss://speech.example.org
          printf '%s' "$key" | speechcluster hash-key
        """;

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var translate = TranslateCommand.Create(host);
        var languages = LanguagesCommand.Create(host);
        var hashKey = HashKeyCommand.Create(host);
        var root = new RootCommand(Description) { translate, languages, hashKey };
        var epilogs = new Dictionary<Command, string>
        {
            [root] = Epilog,
            [translate] = TranslateCommand.Epilog,
            [languages] = LanguagesCommand.Epilog,
            [hashKey] = HashKeyCommand.Epilog,
        };
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithEpilog((HelpAction)help.Action!, epilogs);

        var parse = root.Parse(args);
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = host.Out, Error = host.Error }, cancellationToken);
        // System.CommandLine answers parse errors with 1; the documented code for usage errors is 2.
        return parse.Action is ParseErrorAction ? ExitCodes.Usage : exitCode;
    }

    /// <summary>The standard help, followed by the command's examples, the environment and the exit codes.</summary>
    private sealed class HelpWithEpilog(HelpAction standard, IReadOnlyDictionary<Command, string> epilogs) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (epilogs.TryGetValue(parseResult.CommandResult.Command, out var epilog))
            {
                output.WriteLine(epilog);
                output.WriteLine();
            }

            output.WriteLine(ExitCodes.Environment);
            output.WriteLine();
            output.WriteLine(ExitCodes.Help);
            return exitCode;
        }
    }
}
