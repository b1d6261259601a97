using System.CommandLine;
using SpeechCluster.Client;

namespace SpeechCluster.Cli;

/// <summary><c>speechcluster languages</c>: what the server can recognize, translate into and speak.</summary>
internal static class LanguagesCommand
{
    private const string Description = "List the languages and voices of the server (GET /languages)";

    /// <summary>Shown after the options by <c>languages --help</c>.</summary>
    public const string Epilog = """
        Examples:
          speechcluster languages
          speechcluster languages --server https://speech.example.org --json
        """;

    public static Command Create(CliHost host)
    {
        var server = CommonOptions.Server();
        var json = CommonOptions.Json("Print the server's answer as it is");
        var command = new Command("languages", Description) { server, json };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(host, async () =>
        {
            var uri = CommonOptions.ResolveServer(host, parse.GetValue(server));
            var languages = await SupportedLanguages.GetAsync(uri, cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                host.Out.WriteLine(languages.Json);
            }
            else
            {
                Print(host.Out, languages);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void Print(TextWriter output, SupportedLanguages languages)
    {
        Table(output, $"Speech (--from): {languages.Speech.Count}", ["ID", "NAME", "TEXT LANGUAGE"],
            languages.Speech.Select(p => new[] { p.Key, p.Value.Name, p.Value.Language }));
        Table(output, $"Text (--to): {languages.Text.Count}", ["ID", "NAME", "DIRECTION"],
            languages.Text.Select(p => new[] { p.Key, p.Value.Name, p.Value.Dir }));
        Table(output, $"Voices (--voice): {languages.Voices.Count}", ["ID", "NAME", "GENDER", "LOCALE", "LANGUAGE"],
            languages.Voices.Select(p => new[] { p.Key, p.Value.DisplayName, p.Value.Gender, p.Value.Locale, Describe(p.Value) }));
    }

    private static string Describe(TtsVoice voice) =>
        string.IsNullOrEmpty(voice.RegionName) ? voice.LanguageName : $"{voice.LanguageName} ({voice.RegionName})";

    private static void Table(TextWriter output, string title, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows.OrderBy(r => r[0], StringComparer.OrdinalIgnoreCase));
        var widths = header.Select((_, column) => all.Max(r => r[column].Length)).ToArray();
        output.WriteLine(title);
        foreach (var row in all)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        output.WriteLine();
    }
}
