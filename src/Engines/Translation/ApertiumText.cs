using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpeechCluster.Engines.Translation;

/// <summary>Apertium's stream format for plain text: escaping going in, superblanks and escapes coming out.</summary>
internal static partial class ApertiumText
{
    private const string Reserved = "\\[]^$/<>@{}";

    /// <summary>
    /// Makes one segment ready for a pipeline: control characters (newlines, NUL) become spaces so the
    /// segment stays one line, and English gets its pronoun "i" capitalised (ASR writes it lower-case,
    /// and Apertium's English analyser does not know the lower-case form).
    /// </summary>
    public static string PrepareSource(string text, string language)
    {
        var oneLine = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
        return language == "en" ? LowerCasePronoun().Replace(oneLine, "I") : oneLine;
    }

    /// <summary>
    /// The stream for one segment: escaped text, the end-of-line superblanks that Apertium's own text
    /// deformatter writes, and a superblank carrying <paramref name="nonce"/>, then the NUL that flushes it.
    /// </summary>
    public static byte[] Frame(string text, long nonce)
    {
        var builder = new StringBuilder(text.Length + 32);
        foreach (var c in text)
        {
            if (Reserved.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append("[][\n][").Append(nonce.ToString(CultureInfo.InvariantCulture)).Append("]\0");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// Turns one flushed output back into text: superblanks are dropped, escapes undone, and runs of
    /// spaces (left where Apertium drops a word, such as a subject pronoun in Spanish) made one. Returns
    /// <c>false</c> when the last superblank is not <paramref name="nonce"/>, i.e. the output is not the
    /// answer to this segment (a pipeline that died and flushed what it had).
    /// </summary>
    public static bool TryUnframe(ReadOnlySpan<char> output, long nonce, out string text)
    {
        var builder = new StringBuilder(output.Length);
        var lastBlank = ReadOnlySpan<char>.Empty;
        for (var i = 0; i < output.Length; i++)
        {
            var c = output[i];
            if (c == '\\' && i + 1 < output.Length)
            {
                builder.Append(output[++i]);
            }
            else if (c == '[')
            {
                var end = i + 1;
                while (end < output.Length && output[end] != ']')
                {
                    end += output[end] == '\\' ? 2 : 1;
                }

                lastBlank = output[(i + 1)..Math.Min(end, output.Length)];
                i = end;
            }
            else
            {
                builder.Append(c);
            }
        }

        text = SpaceRun().Replace(builder.ToString(), " ").Trim();
        return lastBlank.SequenceEqual(nonce.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex SpaceRun();

    // A lone "i" (also in "i'm", "i'll"), not the "i" of "i.e." or of a hyphenated word.
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-.'’])i(?![\p{L}\p{N}\-]|\.\p{L})")]
    private static partial Regex LowerCasePronoun();
}
