using System.Collections.Frozen;

namespace SpeechCluster.Engines.Text;

/// <summary>English closed-class words the punctuation rules look at.</summary>
internal static class EnglishWordClasses
{
    public static readonly FrozenSet<string> Pronouns = Set("i", "you", "he", "she", "it", "we", "they");

    /// <summary>Words that can open the subject after an inverted auxiliary ("are THE kids", "can SOMEONE").</summary>
    public static readonly FrozenSet<string> SubjectStarts = Set("i", "you", "he", "she", "it", "we", "they", "there",
        "this", "that", "these", "those", "anyone", "anybody", "anything", "someone", "somebody", "something",
        "everyone", "everybody", "everything", "nobody", "nothing", "the", "a", "an", "my", "your", "his", "her", "our",
        "their", "its", "any", "all", "some", "people", "both", "each", "either", "neither", "one");

    public static readonly FrozenSet<string> Be = Set("is", "are", "was", "were", "am", "isn't", "aren't", "wasn't", "weren't");

    public static readonly FrozenSet<string> Modals = Set("can", "could", "will", "would", "shall", "should", "might", "must",
        "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "shan't", "needn't");

    public static readonly FrozenSet<string> DoForms = Set("does", "did", "doesn't", "didn't");

    public static readonly FrozenSet<string> HaveForms = Set("has", "had", "hasn't", "haven't", "hadn't");

    /// <summary>Auxiliaries and negated auxiliaries: after a wh-word they make a question ("where IS").</summary>
    public static readonly FrozenSet<string> Auxiliaries = Be.Union(Modals).Union(DoForms).Union(HaveForms)
        .Union(Set("do", "don't", "have", "may")).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Negated auxiliaries that open a tag question at the end ("..., isn't it").</summary>
    public static readonly FrozenSet<string> TagAuxiliaries = Set("isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
        "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't");

    public static readonly FrozenSet<string> TagPronouns = Set("i", "you", "he", "she", "it", "we", "they", "there");

    /// <summary>Words after "how" that make a question ("how MANY", "how OLD").</summary>
    public static readonly FrozenSet<string> HowQuestions = Set("many", "much", "long", "old", "far", "often", "come",
        "about", "else", "big", "tall", "soon", "fast", "well", "late", "early", "high", "deep", "heavy", "large", "small");

    /// <summary>Words spoken before a sentence proper that do not change its type ("so what is it").</summary>
    public static readonly FrozenSet<string> Openers = Set("so", "and", "but", "well", "oh", "okay", "ok", "now", "then", "also");

    /// <summary>Sentence-initial answers and interjections followed by a comma ("Yes, I do").</summary>
    public static readonly FrozenSet<string> Interjections = Set("yes", "yeah", "yep", "no", "nope", "well", "okay", "ok",
        "oh", "alright", "sorry", "hey");

    /// <summary>What may follow an interjection for the comma to be safe ("no ONE" is not "no, one").</summary>
    public static readonly FrozenSet<string> AfterInterjection = Pronouns.Union(Set("that's", "it's", "i'm", "i'll", "i've",
        "i'd", "you're", "we're", "they're", "he's", "she's", "there's", "let's", "thank", "thanks", "please", "but",
        "and", "so", "this", "that", "of", "we'll", "you'll", "they'll", "let")).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
