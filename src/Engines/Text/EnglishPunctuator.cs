using static SpeechCluster.Engines.Text.EnglishWordClasses;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// Punctuation for English text that has none: a question mark for wh-questions, inverted
/// auxiliaries ("are you", "can Tom") and tag questions ("..., isn't it?"), an exclamation mark for
/// "what a ...", otherwise a full stop; commas only where they are reliable (after an answer word
/// such as "yes", before a final "please", before a tag, before a name being thanked or greeted).
/// Sentence-final marks and the commas that depend on the end go on finals only, so partials do not
/// flicker.
/// </summary>
internal static class EnglishPunctuator
{
    public static void Apply(IReadOnlyList<TextWord> words, bool isFinal)
    {
        if (words.Count == 0)
        {
            return;
        }

        if (words.Count > 1 && Interjections.Contains(words[0].Key) && AfterInterjection.Contains(words[1].Key))
        {
            words[0].Trail = ",";
        }

        if (!isFinal)
        {
            return;
        }

        var n = words.Count;
        var tag = TagStart(words);
        if (tag > 0)
        {
            words[tag - 1].Trail = ",";
        }
        else if (n >= 3 && words[^1].Key == "please" && words[^2].Trail.Length == 0)
        {
            words[^2].Trail = ",";
        }
        else if (n >= 2 && IsName(words[^1]) && words[^2].Key is "you" or "thanks" or "hi" or "hello" or "bye" or "goodbye")
        {
            words[^2].Trail = ",";
        }

        words[^1].Trail += tag > 0 ? "?" : EndMark(words);
    }

    /// <summary>"?", "!" or "." for a sentence by its opening words.</summary>
    private static string EndMark(IReadOnlyList<TextWord> words)
    {
        var s = 0;
        while (s < words.Count - 1 && (Openers.Contains(words[s].Key) || (IsName(words[s]) && IsQuestionStart(words, s + 1))))
        {
            s++;
        }

        if (words[s].Key is "what" && Next(words, s) is "a" or "an")
        {
            return "!";
        }

        return IsQuestionStart(words, s) ? "?" : ".";
    }

    private static bool IsQuestionStart(IReadOnlyList<TextWord> words, int s)
    {
        var first = words[s].Key;
        var next = Next(words, s);
        var subject = SubjectStarts.Contains(next) || (s + 1 < words.Count && IsName(words[s + 1]));
        return first switch
        {
            "why" or "who" or "whose" or "which" or "whom" or "what" => true,
            "how" => next.Length == 0 || Auxiliaries.Contains(next) || HowQuestions.Contains(next),
            "when" or "where" => Auxiliaries.Contains(next) || next is "else" or "exactly",
            "do" or "don't" => next is "i" or "you" or "we" or "they",
            "may" => next is "i" or "we",
            "have" or "haven't" => Pronouns.Contains(next) || next is "there" or "anyone" or "anybody" or "everyone" or "you",
            _ when Be.Contains(first) || Modals.Contains(first) || DoForms.Contains(first) || HaveForms.Contains(first) => subject,
            _ => false,
        };
    }

    /// <summary>Where a tag question starts ("you like it isn't it": 3), or 0 when there is none.</summary>
    private static int TagStart(IReadOnlyList<TextWord> words)
    {
        var n = words.Count;
        if (n >= 4 && TagAuxiliaries.Contains(words[n - 2].Key) && TagPronouns.Contains(words[n - 1].Key)
            && !IsQuestionStart(words, 0))
        {
            return n - 2;
        }

        return n >= 3 && words[n - 1].Key is "eh" or "huh" ? n - 1 : 0;
    }

    private static string Next(IReadOnlyList<TextWord> words, int s) => s + 1 < words.Count ? words[s + 1].Key : "";

    /// <summary>A name or acronym by the casing lexicon (sentence-start capitals are added later).</summary>
    private static bool IsName(TextWord word) =>
        word.Key != "i" && word.Display.Length > 0 && char.IsUpper(word.Display[0]) && !word.CasingFixed;
}
