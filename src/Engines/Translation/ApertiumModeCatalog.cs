using System.Text.RegularExpressions;

namespace SpeechCluster.Engines.Translation;

/// <summary>Finds the installed Apertium translation directions.</summary>
internal static partial class ApertiumModeCatalog
{
    /// <summary>
    /// Lists plain <c>xxx-yyy.mode</c> files. Variants (<c>eng-cat_valencia</c>, <c>es-pt_BR</c>) and
    /// other modes (<c>eco-es-fr</c>, debugging modes) are skipped: they would need a locale mapping
    /// of their own. When two files give one direction (<c>es-pt</c> and <c>spa-por</c>), the first wins.
    /// </summary>
    public static IReadOnlyList<ApertiumMode> Discover(IEnumerable<string> directories)
    {
        var modes = new Dictionary<(string From, string To), ApertiumMode>();
        foreach (var directory in directories.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.mode").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var match = PlainPair().Match(name);
                if (!match.Success)
                {
                    continue;
                }

                var from = ApertiumLanguageCodes.ToIso6391(match.Groups["from"].Value);
                var to = ApertiumLanguageCodes.ToIso6391(match.Groups["to"].Value);
                if (from != to)
                {
                    modes.TryAdd((from, to), new ApertiumMode(name, from, to, file));
                }
            }
        }

        return [.. modes.Values.OrderBy(m => m.From, StringComparer.Ordinal).ThenBy(m => m.To, StringComparer.Ordinal)];
    }

    [GeneratedRegex("^(?<from>[a-z]{2,3})-(?<to>[a-z]{2,3})$")]
    private static partial Regex PlainPair();
}
