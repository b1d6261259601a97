using Spectre.Console;

namespace SpeechCluster.Cli;

/// <summary>What the command line needs from its process: output streams, whether stdout is a terminal (the live
/// progress display is drawn only then), its width, and environment variables. Tests pass their own.</summary>
internal sealed record CliHost(TextWriter Out, TextWriter Error, bool OutputIsTerminal, int TerminalWidth, Func<string, string?> GetEnvironmentVariable)
{
    public const string ServerVariable = "SPEECHCLUSTER_SERVER";
    public const string KeyVariable = "SPEECHCLUSTER_KEY";

    /// <summary>Standard input (<c>hash-key</c> reads the key there); nothing unless given.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Whether the live display writes escape codes. Default: yes, since it is drawn only when
    /// <see cref="OutputIsTerminal"/>; the real process lets Spectre detect, which on Windows also switches the
    /// console to virtual-terminal mode.</summary>
    public AnsiSupport Ansi { get; init; } = AnsiSupport.Yes;

    /// <summary>Lines of the terminal. Default: 24.</summary>
    public int TerminalHeight { get; init; } = 24;

    public static CliHost FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        return new CliHost(Console.Out, Console.Error, terminal, terminal ? WindowSize(() => Console.WindowWidth, 80) : 0, Environment.GetEnvironmentVariable)
        {
            In = Console.In,
            Ansi = AnsiSupport.Detect,
            TerminalHeight = terminal ? WindowSize(() => Console.WindowHeight, 24) : 0,
        };
    }

    /// <summary>A Spectre.Console console over <see cref="Out"/> for the live display, interactive and of the
    /// terminal's size. Spectre's CI detection is off: whether Out is a terminal was decided here.</summary>
    public IAnsiConsole CreateTerminal()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Ansi,
            Interactive = InteractionSupport.Yes,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        terminal.Profile.Width = Math.Max(TerminalWidth, 20);
        // Always set: Spectre's live display fails on a height of 0, which it reads for TERM=dumb.
        terminal.Profile.Height = Math.Max(TerminalHeight, 5);
        return terminal;
    }

    private static int WindowSize(Func<int> read, int unknown)
    {
        try
        {
            var size = read();
            return size > 0 ? size : unknown;
        }
        catch (IOException)
        {
            // Some terminals do not report a size.
            return unknown;
        }
    }
}
