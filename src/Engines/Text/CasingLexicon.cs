using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// How a lower-case word is written when it is not plain lower case: names ("Tom", "Algeria"),
/// languages ("English"), acronyms ("NASA", "TV"), mixed case ("iPhone"). Built from maintained word
/// lists: SCOWL (Debian <c>scowl</c>) for English, whose size levels tell "will" (level 10) from "Will"
/// (50), and the capitalised stems of Debian's hunspell dictionaries elsewhere. Immutable, thread-safe.
/// </summary>
internal sealed partial class CasingLexicon
{
    public static readonly CasingLexicon Empty = new(FrozenDictionary<string, string>.Empty);

    private readonly FrozenDictionary<string, string> _forms;

    private CasingLexicon(FrozenDictionary<string, string> forms) => _forms = forms;

    public int Count => _forms.Count;

    /// <summary>The written form of a lower-case word, or null when it is written in lower case.</summary>
    public string? Lookup(string lower) => _forms.GetValueOrDefault(lower);

    /// <summary>
    /// Reads SCOWL lists (<c>english-*.NN</c> and <c>american-*.NN</c>) up to a size level. A word takes
    /// its cased form when that form is at least as common (same or lower level) as its lower-case one.
    /// </summary>
    public static CasingLexicon FromScowl(string directory, int maxLevel)
    {
        var best = new Dictionary<string, (string Form, int Level)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var match = ScowlFileName().Match(Path.GetFileName(file));
            if (!match.Success || int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) is var level && level > maxLevel)
            {
                continue;
            }

            foreach (var line in File.ReadLines(file))
            {
                var form = line.Trim();
                if (form.Length == 0 || form.Contains('\''))
                {
                    continue;
                }

                var lower = form.ToLowerInvariant();
                var cased = !string.Equals(form, lower, StringComparison.Ordinal);
                if (!best.TryGetValue(lower, out var current) || level < current.Level
                    || (level == current.Level && cased && string.Equals(current.Form, lower, StringComparison.Ordinal)))
                {
                    best[lower] = (form, level);
                }
            }
        }

        return new CasingLexicon(best
            .Where(pair => !string.Equals(pair.Value.Form, pair.Key, StringComparison.Ordinal))
            .ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Form, StringComparer.Ordinal));
    }

    /// <summary>The capitalised stems of a hunspell dictionary whose lower-case form is not a stem too.</summary>
    public static CasingLexicon FromHunspell(string dicPath)
    {
        var stems = HunspellDictionary.ReadStems(dicPath).Select(s => s.Word).ToList();
        var lowerStems = stems.Where(s => s == s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stem in stems)
        {
            var lower = stem.ToLowerInvariant();
            if (!lowerStems.Contains(lower) && !stem.Contains('.'))
            {
                forms.TryAdd(lower, stem);
            }
        }

        return new CasingLexicon(forms.ToFrozenDictionary(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^(english|american)-(?:words|upper|proper-names|abbreviations)\.(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ScowlFileName();
}
