namespace SpeechCluster.Cli;

/// <summary>What the command line needs from its process: output streams, whether stdout is a terminal (partials
/// are redrawn in place only then), its width, and environment variables. Tests pass their own.</summary>
internal sealed record CliHost(TextWriter Out, TextWriter Error, bool OutputIsTerminal, int TerminalWidth, Func<string, string?> GetEnvironmentVariable)
{
    public const string ServerVariable = "SPEECHCLUSTER_SERVER";
    public const string KeyVariable = "SPEECHCLUSTER_KEY";

    /// <summary>Standard input (<c>hash-key</c> reads the key there); nothing unless given.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    public static CliHost FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        return new CliHost(Console.Out, Console.Error, terminal, terminal ? WindowWidth() : 0, Environment.GetEnvironmentVariable) { In = Console.In };
    }

    private static int WindowWidth()
    {
        try
        {
            return Math.Max(Console.WindowWidth, 20);
        }
        catch (IOException)
        {
            // Some terminals do not report a size.
            return 80;
        }
    }
}
