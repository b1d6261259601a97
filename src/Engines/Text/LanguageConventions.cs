using System.Text;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// Punctuation conventions of the written language, applied to the finished text: Spanish opens
/// questions and exclamations with "¿" and "¡" (Apertium never writes them), French puts a narrow
/// no-break space before "?", "!" and ";" and a no-break space before ":". Other languages: nothing.
/// </summary>
internal static class LanguageConventions
{
    public static string Apply(string text, string language) => language switch
    {
        "es" => SpanishOpeningMarks(text),
        "fr" => FrenchSpaces(text),
        _ => text,
    };

    /// <summary>Capitalises the first letter of every sentence of an already punctuated text.</summary>
    public static string CapitalizeSentences(string text)
    {
        var chars = text.ToCharArray();
        var atStart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsLetter(c))
            {
                if (atStart)
                {
                    chars[i] = char.ToUpper(c, System.Globalization.CultureInfo.InvariantCulture);
                }

                atStart = false;
            }
            else if (char.IsDigit(c))
            {
                atStart = false;
            }
            else if (c is '.' or '?' or '!' && (i + 1 == chars.Length || char.IsWhiteSpace(chars[i + 1])))
            {
                atStart = true;
            }
        }

        return new string(chars);
    }

    private static string SpanishOpeningMarks(string text)
    {
        var result = new StringBuilder(text.Length + 4);
        var start = 0;
        while (start < text.Length)
        {
            // A sentence runs from start through its run of end marks ("?!", "..."), or to the end of the text.
            var mark = text.IndexOfAny(['.', '?', '!'], start);
            var end = mark < 0 ? text.Length : mark;
            while (end < text.Length && text[end] is '.' or '?' or '!')
            {
                end++;
            }

            var sentence = text[start..end];
            var opening = mark < 0 ? '\0' : text[mark] == '?' ? '¿' : text[mark] == '!' ? '¡' : '\0';
            var first = 0;
            while (first < sentence.Length && char.IsWhiteSpace(sentence[first]))
            {
                first++;
            }

            if (opening != '\0' && first < sentence.Length && sentence[first] != opening)
            {
                sentence = sentence[..first] + opening + sentence[first..];
            }

            result.Append(sentence);
            start = end;
        }

        return result.ToString();
    }

    private static string FrenchSpaces(string text)
    {
        var result = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '?' or '!' or ';' or ':')
            {
                while (result.Length > 0 && result[^1] == ' ')
                {
                    result.Length--;
                }

                if (result.Length > 0 && result[^1] is not ('\u202F' or '\u00A0' or '?' or '!'))
                {
                    result.Append(c == ':' ? '\u00A0' : '\u202F');
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
