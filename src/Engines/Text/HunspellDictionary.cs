using System.Text;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// Reads a hunspell dictionary's stems with their affix flags (single-character flags, as the
/// Debian English and Spanish dictionaries use), in the encoding its .aff file names.
/// </summary>
internal static class HunspellDictionary
{
    public static IEnumerable<(string Word, string Flags)> ReadStems(string dicPath)
    {
        var encoding = ReadEncoding(Path.ChangeExtension(dicPath, ".aff"));
        var first = true;
        foreach (var line in File.ReadLines(dicPath, encoding))
        {
            if (first)
            {
                // The first line is the entry count.
                first = false;
                continue;
            }

            var entry = line.Split('\t', ' ')[0];
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (entry.Length > 0)
            {
                yield return slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]);
            }
        }
    }

    /// <summary>The suffix rules of an .aff file: flag -> (strip, append, condition as a regex on the stem's end).</summary>
    public static ILookup<char, (string Strip, string Append, System.Text.RegularExpressions.Regex Condition)> ReadSuffixes(string affPath)
    {
        var rules = new List<(char, string, string, System.Text.RegularExpressions.Regex)>();
        foreach (var line in File.ReadLines(affPath, ReadEncoding(affPath)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0] == "SFX" && parts[1].Length == 1)
            {
                var strip = parts[2] == "0" ? "" : parts[2];
                var append = parts[3] == "0" ? "" : parts[3].Split('/')[0];
                rules.Add((parts[1][0], strip, append, new System.Text.RegularExpressions.Regex(parts[4] == "." ? "$" : parts[4] + "$",
                    System.Text.RegularExpressions.RegexOptions.CultureInvariant)));
            }
        }

        return rules.ToLookup(r => r.Item1, r => (r.Item2, r.Item3, r.Item4));
    }

    /// <summary>The flag an .aff file declares for a directive such as NOSUGGEST, or null.</summary>
    public static char? ReadFlag(string affPath, string directive)
    {
        foreach (var line in File.ReadLines(affPath, ReadEncoding(affPath)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == directive && parts[1].Length == 1)
            {
                return parts[1][0];
            }
        }

        return null;
    }

    private static Encoding ReadEncoding(string affPath)
    {
        if (File.Exists(affPath))
        {
            foreach (var line in File.ReadLines(affPath, Encoding.Latin1).Take(40))
            {
                if (line.StartsWith("SET ", StringComparison.Ordinal))
                {
                    return line[4..].Trim().Equals("UTF-8", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : Encoding.Latin1;
                }
            }
        }

        return Encoding.UTF8;
    }
}
