using System.Collections.Frozen;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// The closed-class words a language's rules need: fillers, the words that may repeat on purpose, and
/// the words that open questions. These are short grammatical lists, not vocabularies, so they live
/// here; open-class words (names, profanities) come from installed word lists. Immutable, shared.
/// </summary>
internal sealed class LanguageRules
{
    private static readonly FrozenDictionary<string, LanguageRules> s_rules = new Dictionary<string, LanguageRules>
    {
        ["en"] = new()
        {
            Fillers = Set("uh", "um", "er", "erm", "uhm", "umm", "uhh", "hmm", "hm", "mm", "mmm", "ah"),
            // "oh" is a filler before other words ("oh that sounds fine"), an answer when alone.
            FillersBeforeWords = Set("oh"),
            // Repeated on purpose: intensifiers, answers, reduplications, digits ("nine one one").
            IntentionalRepeats = Set("very", "really", "so", "no", "yes", "yeah", "bye", "ha", "knock", "far", "many",
                "much", "more", "again", "that", "had", "is", "please", "well", "okay", "ok", "go", "come", "on",
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero", "oh", "double", "right",
                "uh-huh", "huh-uh", "um-hum", "mm-hmm", "uh-uh", "hm-mm", "ha-ha"),
            QuestionWords = Set("what", "where", "when", "why", "who", "whom", "whose", "which", "how"),
        },
        ["es"] = new()
        {
            Fillers = Set("eh", "ehm", "em", "mmm", "mm", "hmm", "eeh"),
            IntentionalRepeats = Set("muy", "no", "sí", "si", "ja", "bueno", "más", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "cero"),
            QuestionWords = Set("qué", "quién", "quiénes", "dónde", "cuándo", "cómo", "cuál", "cuáles", "cuánto", "cuánta", "cuántos", "cuántas", "adónde"),
        },
        ["fr"] = new()
        {
            Fillers = Set("euh", "heu", "euhm", "hum", "hmm", "mm", "mmm"),
            IntentionalRepeats = Set("très", "non", "oui", "si", "ha", "bon", "plus", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "zéro"),
            QuestionWords = Set("pourquoi", "comment", "où", "quand", "qui", "quel", "quelle", "quels", "quelles", "combien", "est-ce"),
        },
        ["de"] = new()
        {
            Fillers = Set("äh", "ähm", "öh", "öhm", "hm", "hmm", "mm", "ehm"),
            IntentionalRepeats = Set("sehr", "nein", "ja", "ha", "so", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "null"),
            QuestionWords = Set("was", "wer", "wen", "wem", "wessen", "wo", "wann", "warum", "wieso", "weshalb", "wie", "welche", "welcher", "welches", "woher", "wohin"),
        },
        ["it"] = new()
        {
            Fillers = Set("ehm", "eh", "mmm", "mm", "uhm", "hmm"),
            IntentionalRepeats = Set("molto", "no", "sì", "si", "ah", "ha", "piano", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "zero"),
            QuestionWords = Set("cosa", "che", "chi", "dove", "quando", "perché", "come", "quale", "quali", "quanto", "quanta", "quanti", "quante"),
        },
        ["pt"] = new()
        {
            Fillers = Set("ahn", "hum", "hmm", "mm", "mmm", "eh", "ehm"),
            IntentionalRepeats = Set("muito", "não", "sim", "ha", "mais", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "zero"),
            QuestionWords = Set("quem", "onde", "quando", "como", "qual", "quais", "quanto", "quanta", "quantos", "quantas", "porquê"),
        },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly LanguageRules s_none = new();

    public FrozenSet<string> Fillers { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> FillersBeforeWords { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> IntentionalRepeats { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> QuestionWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The rules of a primary language subtag ("en"); a language without rules gets empty lists.</summary>
    public static LanguageRules For(string language) => s_rules.GetValueOrDefault(language, s_none);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
