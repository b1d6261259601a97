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
        while (s < words.Count - 1 && (Openers.Contains(words[s].Key) || (IsName(words[s]) && IsVocative(words, s))))
        {
            s++;
        }

        if (words[s].Key is "what" && Next(words, s) is "a" or "an")
        {
            return "!";
        }

        return IsQuestionStart(words, s) || HasInnerQuestion(words, s) ? "?" : ".";
    }

    /// <summary>"Tom, are you coming": a name before a question addressed to "you"/"we" (not "Algeria is ...").</summary>
    private static bool IsVocative(IReadOnlyList<TextWord> words, int s) =>
        QuestionWordsEn.Contains(Next(words, s))
        || (Auxiliaries.Contains(Next(words, s)) && s + 2 < words.Count && words[s + 2].Key is "you" or "we" or "i");

    /// <summary>"by the way what is your address", "at what time did it finish": a wh-question after a lead-in.</summary>
    private static bool HasInnerQuestion(IReadOnlyList<TextWord> words, int s)
    {
        for (var k = s + 1; k + 1 < words.Count; k++)
        {
            if (QuestionWordsEn.Contains(words[k].Key) && LeadIns.Contains(words[k - 1].Key))
            {
                var next = words[k + 1].Key;
                var after = k + 2 < words.Count ? words[k + 2].Key : "";
                if (words[k].Key.Contains('\'') || Auxiliaries.Contains(next) || (!Auxiliaries.Contains(next) && Auxiliaries.Contains(after) && k + 3 < words.Count && SubjectStarts.Contains(words[k + 3].Key)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsQuestionStart(IReadOnlyList<TextWord> words, int s)
    {
        var first = words[s].Key;
        var next = Next(words, s);
        var subject = SubjectStarts.Contains(next) || (s + 1 < words.Count && IsName(words[s + 1]));
        return first switch
        {
            "why" or "who" or "whose" or "which" or "whom" or "what" or "what's" or "where's" or "who's" or "how's" or "when's"
                or "why's" or "what're" or "where're" or "how'd" or "where'd" or "what'd" or "why'd" => true,
            "how" => next.Length == 0 || Auxiliaries.Contains(next) || HowQuestions.Contains(next),
            "when" or "where" => Auxiliaries.Contains(next) || next is "else" or "exactly",
            "do" or "don't" => next is "i" or "you" or "we" or "they",
            "may" => next is "i" or "we",
            "have" or "haven't" => Pronouns.Contains(next) || next is "there" or "anyone" or "anybody" or "everyone" or "you",
            // Nothing else opens an English sentence with these ("are koalas bears", "can elephants fly").
            _ when AlwaysInverted.Contains(first) => true,
            _ when Be.Contains(first) || Modals.Contains(first) || DoForms.Contains(first) || HaveForms.Contains(first) => subject,
            _ => false,
        };
    }

    /// <summary>Where a tag question starts ("you like it isn't it": 3), or 0 when there is none.</summary>
    private static int TagStart(IReadOnlyList<TextWord> words)
    {
        var n = words.Count;
        if (n >= 3 && TagAuxiliaries.Contains(words[n - 2].Key) && TagPronouns.Contains(words[n - 1].Key)
            && !IsQuestionStart(words, 0))
        {
            return n - 2;
        }

        return n >= 3 && words[n - 1].Key is "eh" or "huh" ? n - 1 : 0;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> QuestionWordsEn = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["what", "where", "when", "why", "who", "whom", "whose", "which", "how", "what's", "where's", "who's", "how's"], StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> AlwaysInverted = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't", "can", "could", "would", "will", "should",
         "does", "did", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't"], StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> LeadIns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["at", "in", "on", "to", "from", "for", "with", "by", "way", "and", "but", "so", "then", "you", "okay", "well", "anyway"], StringComparer.Ordinal);

    private static string Next(IReadOnlyList<TextWord> words, int s) => s + 1 < words.Count ? words[s + 1].Key : "";

    /// <summary>A name or acronym by the casing lexicon (sentence-start capitals are added later).</summary>
    private static bool IsName(TextWord word) =>
        word.Key != "i" && word.Display.Length > 0 && char.IsUpper(word.Display[0]) && !word.CasingFixed;
}
