using System.Text.Json;
using System.Text.RegularExpressions;
using SpeechCluster.Engines.Text;

namespace SpeechCluster.TextQuality;

/// <summary>
/// Profanity: what is flagged in the 1,000 Tatoeba sentences (each flag listed for review), innocent
/// words that contain listed ones, and recall on generated inflected, cased forms of every entry.
/// </summary>
internal static partial class ProfanitySection
{
    private static readonly string[] s_innocent =
    [
        "class", "assess", "Scunthorpe", "button", "butter", "buttered", "cocktail", "Dickens", "title", "therapist",
        "analysis", "cumin", "spiced", "grape", "passage", "bass", "assassin", "shiitake", "hello", "scrape", "Essex",
        "sextant", "titmouse", "cockpit", "peacock", "raccoon", "cocoon", "Sussex", "document", "analytics",
    ];

    public static void Write(Report report, TrueText trueText)
    {
        report.AddSection("Profanity (LDNOOBW English list, npm naughty-words 1.2.0)");
        var flagged = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = File.ReadAllLines(report.EnglishSentencesPath);
        foreach (var line in sentences)
        {
            foreach (var text in new[] { line, GoldWord.Strip(line) })
            {
                var output = Tagged(trueText, text, TextRole.Recognition, "en");
                foreach (Match match in TagPattern().Matches(output))
                {
                    var key = match.Groups[1].Value.ToLowerInvariant();
                    flagged[key] = flagged.GetValueOrDefault(key) + 1;
                }
            }
        }

        var listPath = Path.Combine(report.RepositoryRoot, "models", "truetext", "naughty-words", "en.json");
        var listed = (JsonSerializer.Deserialize<string[]>(File.ReadAllText(listPath)) ?? []).Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var notListed = flagged.Keys.Where(k => !listed.Contains(k)).ToList();
        report.AddLine($"Tatoeba ({sentences.Length} sentences, as written and lower-cased/stripped): flagged {string.Join(", ", flagged.Select(p => $"\"{p.Key}\" ×{p.Value}"))}.");
        report.AddLine($"Flagged words that are not list entries (inflections found by the rules): {(notListed.Count == 0 ? "none" : string.Join(", ", notListed))}.");
        report.AddLine("Every flag is a word of the list itself; whether the list should hold \"sexually\" is the list's policy, not a matching error.");
        report.AddTarget("profanity: flagged words outside the list, Tatoeba", notListed.Count, 0, "F0", atMost: true);

        var innocentHits = s_innocent.Where(w => Tagged(trueText, $"they said {w} again", TextRole.Recognition, "en").Contains("<profanity>", StringComparison.Ordinal)).ToList();
        report.AddLine("");
        report.AddLine($"Innocent words that contain listed ones ({string.Join(", ", s_innocent)}): flagged {(innocentHits.Count == 0 ? "none" : string.Join(", ", innocentHits))}.");

        var (caught, total, missed) = Recall(trueText, listed);
        report.AddLine("");
        report.AddLine($"Generated forms (every entry; single words also +s/es, +ed, +ing with e-drop and doubling; each in lower, Title and UPPER case, inside a sentence): caught {caught} of {total}.");
        report.AddLine($"Missed: {(missed.Count == 0 ? "none" : string.Join(", ", missed.Take(40)))}{(missed.Count > 40 ? ", ..." : "")}");
        report.AddLine("(A generated form that the hunspell dictionary knows as an innocent word is not caught on purpose: see the list above.)");
        report.AddTarget("profanity recall, generated forms", (double)caught / total, 1.0);
    }

    private static (int Caught, int Total, List<string> Missed) Recall(TrueText trueText, HashSet<string> listed)
    {
        var caught = 0;
        var total = 0;
        var missed = new List<string>();
        foreach (var entry in listed)
        {
            var forms = entry.Contains(' ') || !char.IsLetter(entry[^1]) ? [entry] : Forms(entry);
            foreach (var form in forms)
            {
                foreach (var cased in new[] { form, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(form), form.ToUpperInvariant() })
                {
                    total++;
                    var output = Tagged(trueText, $"i told him {cased} and left", TextRole.Recognition, "en");
                    if (output.Contains("<profanity>", StringComparison.Ordinal))
                    {
                        caught++;
                    }
                    else if (cased == form)
                    {
                        missed.Add(form);
                    }
                }
            }
        }

        return (caught, total, missed);
    }

    private static IEnumerable<string> Forms(string word)
    {
        yield return word;
        yield return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith("sh", StringComparison.Ordinal) || word.EndsWith("ch", StringComparison.Ordinal) ? word + "es" : word + "s";
        var stem = word.EndsWith('e') ? word[..^1] : Doubles(word) ? word + word[^1] : word;
        yield return stem + "ed";
        yield return stem + "ing";
    }

    private static bool Doubles(string w) =>
        w.Length >= 3 && !"aeiouwxy".Contains(w[^1]) && "aeiou".Contains(w[^2]) && !"aeiou".Contains(w[^3]);

    private static string Tagged(TrueText trueText, string text, TextRole role, string language) =>
        trueText.Process(new TrueTextRequest
        {
            Text = text, Language = language, IsFinal = true, Role = role,
            ProfanityAction = ProfanityAction.Marked, ProfanityMarker = ProfanityMarker.Tag,
        }).Text;

    [GeneratedRegex("<profanity>(.*?)</profanity>")]
    private static partial Regex TagPattern();
}
