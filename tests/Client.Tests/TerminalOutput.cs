using System.Text.RegularExpressions;

namespace SpeechCluster.Client.Tests;

/// <summary>Reads what Spectre.Console's live display wrote to a captured terminal.</summary>
internal static partial class TerminalOutput
{
    /// <summary>What was drawn from the start of a line, in order, escape codes removed: Spectre returns to the
    /// line start (a carriage return) before each redraw of the bar and before each line written above it.</summary>
    public static List<string> Drawn(string raw) =>
        [.. Escapes().Replace(raw, "").Split('\r', '\n').Where(text => text.Length > 0)];

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escapes();
}
