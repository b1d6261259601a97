using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Text;
using SpeechCluster.Engines.Translation;

namespace SpeechCluster.TextQuality;

internal sealed partial class Report
{
    public async Task TranslationGainAsync(TrueText trueText)
    {
        var english = File.ReadAllLines(TatoebaEnglish);
        var spanish = File.ReadAllLines(TatoebaSpanish);
        using var translator = new ApertiumTranslator(Options.Create(new ApertiumOptions()), NullLogger<ApertiumTranslator>.Instance);
        var rows = new List<(string Name, List<string> Hypotheses)>
        {
            ("original well-formed English", []),
            ("original well-formed English, then TrueText on the Spanish", []),
            ("(a) lower-case, no punctuation", []),
            ("naive recasing (first letter, \"I\", final stop)", []),
            ("(b) through TrueText (source pass, then target pass on the Spanish)", []),
        };
        var samples = new List<string>();
        for (var i = 0; i < english.Length; i++)
        {
            var raw = GoldWord.Strip(english[i]);
            var restored = Process(trueText, raw, "en", TextRole.Recognition);
            var original = await translator.TranslateAsync(english[i], "en", "es");
            rows[0].Hypotheses.Add(original);
            rows[1].Hypotheses.Add(Process(trueText, original, "es", TextRole.Translation));
            rows[2].Hypotheses.Add(await translator.TranslateAsync(raw, "en", "es"));
            rows[3].Hypotheses.Add(await translator.TranslateAsync(NaiveRecase(raw), "en", "es"));
            var translated = Process(trueText, await translator.TranslateAsync(restored, "en", "es"), "es", TextRole.Translation);
            rows[4].Hypotheses.Add(translated);
            if (i % 97 == 0)
            {
                samples.Add($"| {raw} | {restored} | {translated} | {spanish[i]} |");
            }
        }

        Section("Translation gain (Apertium eng-spa, chrF against Tatoeba Spanish)");
        Line($"Data: `{TatoebaEnglish}` -> `{TatoebaSpanish}`, {english.Length} sentences, each translated on its own by the project's ApertiumTranslator.");
        Line("Profanity is left alone here (NoAction) so that only the text steps are measured.");
        Line("");
        Line("| English fed to Apertium | chrF |");
        Line("|---|---:|");
        foreach (var (name, hypotheses) in rows)
        {
            Line($"| {name} | {ChrF.Corpus(hypotheses, spanish):F1} |");
        }

        Line("");
        Line("Measured before (DESIGN.md): 53.9 well-formed, 48.2 lower-case unpunctuated, 50.5 naive recasing.");
        Line("");
        Line("| raw input | TrueText | Apertium + TrueText | reference |");
        Line("|---|---|---|---|");
        samples.ForEach(Line);
        Target("chrF through TrueText (Apertium en->es)", ChrF.Corpus(rows[4].Hypotheses, spanish), 52.2, "F1");
    }

    private static string Process(TrueText trueText, string text, string language, TextRole role) =>
        trueText.Process(new TrueTextRequest { Text = text, Language = language, IsFinal = true, Role = role, ProfanityAction = ProfanityAction.NoAction }).Text;

    /// <summary>What the project's first TrueText did: first letter up, "i" as "I", a final stop.</summary>
    private static string NaiveRecase(string text)
    {
        var words = text.Split(' ').Select(w => w == "i" || w.StartsWith("i'", StringComparison.Ordinal) ? "I" + w[1..] : w).ToArray();
        var joined = string.Join(' ', words);
        return joined.Length == 0 ? joined : char.ToUpperInvariant(joined[0]) + joined[1..] + ".";
    }
}
