using System.Text.RegularExpressions;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// The least that output needs to read as text: the first letter upper-case, the English pronoun
/// "i" as "I", and a full stop at the end of a final. Disfluencies, inner punctuation, numbers and
/// profanity are the job of the full TrueText engine.
/// </summary>
public sealed partial class MinimalTrueText : ITextNormalizer
{
    public string Normalize(string text, string language, bool isFinal)
    {
        var result = text.Trim();
        if (result.Length == 0)
        {
            return result;
        }

        if (language.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            // "i", "i'm", "i'll", "i've", "i'd" as whole words.
            result = PronounI().Replace(result, "I");
        }

        result = char.ToUpperInvariant(result[0]) + result[1..];
        if (isFinal && !char.IsPunctuation(result[^1]))
        {
            result += ".";
        }

        return result;
    }

    [GeneratedRegex(@"(?<![\p{L}'])i(?=('(m|ll|ve|d))?(?![\p{L}']))", RegexOptions.CultureInvariant)]
    private static partial Regex PronounI();
}
