using System.Text;

namespace SpeechCluster.Engines.Translation;

/// <summary>
/// Rewrites the pipeline of a <c>.mode</c> file for null-flush streaming: <c>-z</c> on every stage,
/// <c>stdbuf -o0</c> before every <c>lt-proc</c> (otherwise its result appears only when the next
/// segment arrives), generation without unknown-word marks (<c>$1</c> becomes <c>-n</c>, as
/// <c>apertium -u</c> does) and no tagger option (<c>$2</c> is dropped).
/// </summary>
/// <remarks>
/// The shell hands its standard input to the first stage and its output to the last, and keeps no
/// copy: if it held them, a stage that died would never show as end of output, and the caller would
/// wait for its timeout instead of restarting at once. The stages run as a background job so the
/// shell can close its copies, and each stage closes the spare descriptors it inherits.
/// </remarks>
internal static class ApertiumPipelineCommand
{
    private const string UnmarkedGeneration = "-n";

    /// <summary>Returns a script for <c>/bin/sh -c</c>.</summary>
    /// <exception cref="FormatException">The mode has an empty stage or an unclosed quote.</exception>
    public static string Build(string modeText, bool unbufferLtProc = true)
    {
        var stages = Split(modeText.Trim(), splitOnPipe: true).Select(stage => BuildStage(stage, unbufferLtProc)).ToList();
        if (stages.Count == 0)
        {
            throw new FormatException("The mode file has no pipeline.");
        }

        stages[0] += " <&3";
        stages[^1] += " >&4";
        var pipeline = string.Join(" | ", stages.Select(stage => stage + " 3<&- 4>&-"));
        return $"exec 3<&0 4>&1 </dev/null >/dev/null\n{pipeline} &\nexec 3<&- 4>&-\nwait\n";
    }

    private static string BuildStage(string stage, bool unbufferLtProc)
    {
        var words = Split(stage, splitOnPipe: false);
        if (words.Count == 0)
        {
            throw new FormatException("The mode file has an empty stage.");
        }

        var program = Path.GetFileName(words[0].Trim('\'', '"'));
        var isLtProc = program == "lt-proc";
        var arguments = new List<string>();
        foreach (var word in words.Skip(1))
        {
            switch (word)
            {
                case "$2":
                    break;
                case "$1":
                    arguments.Add(UnmarkedGeneration);
                    break;
                case "-g" when isLtProc:
                    // A mode that hard-codes marked generation still gets clean output.
                    arguments.Add(UnmarkedGeneration);
                    break;
                default:
                    arguments.Add(word);
                    break;
            }
        }

        if (!arguments.Contains("-z") && !arguments.Contains("--null-flush"))
        {
            arguments.Insert(0, "-z");
        }

        var prefix = isLtProc && unbufferLtProc ? "stdbuf -o0 " : "";
        return $"{prefix}{words[0]} {string.Join(' ', arguments)}";
    }

    /// <summary>Splits on unquoted pipes (stages) or unquoted whitespace (words), keeping quotes as written.</summary>
    private static List<string> Split(string text, bool splitOnPipe)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                current.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
            }
            else if (splitOnPipe ? c == '|' : char.IsWhiteSpace(c))
            {
                Flush(parts, current);
            }
            else
            {
                current.Append(c);
            }
        }

        if (quote != '\0')
        {
            throw new FormatException("The mode file has an unclosed quote.");
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        var part = current.ToString().Trim();
        current.Clear();
        if (part.Length > 0)
        {
            parts.Add(part);
        }
    }
}
