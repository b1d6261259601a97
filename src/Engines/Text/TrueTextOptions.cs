namespace SpeechCluster.Engines.Text;

/// <summary>Where <see cref="TrueText"/> finds its word lists. A missing list disables its step for that language (logged once).</summary>
public sealed class TrueTextOptions
{
    /// <summary>
    /// Folder of the naughty-words lists (<c>en.json</c>, <c>es.json</c>, ...), which scripts/setup.sh
    /// fetches. Default: <c>null</c>, meaning <c>models/truetext/naughty-words</c> in the first folder
    /// above the application that has one.
    /// </summary>
    public string? ProfanityListDirectory { get; set; }

    /// <summary>SCOWL's word lists (Debian <c>scowl</c>), for English casing. Default: <c>/usr/share/dict/scowl</c>.</summary>
    public string ScowlDirectory { get; set; } = "/usr/share/dict/scowl";

    /// <summary>
    /// The largest SCOWL size level read: larger levels add rarer names. Default: 60, the size Debian's
    /// hunspell-en-us dictionary is built from.
    /// </summary>
    public int ScowlMaxLevel { get; set; } = 60;

    /// <summary>
    /// Hunspell dictionaries (Debian <c>hunspell-*</c>): casing for languages other than English, and the
    /// innocent words that stop profanity inflections. Default: <c>/usr/share/hunspell</c>.
    /// </summary>
    public string HunspellDirectory { get; set; } = "/usr/share/hunspell";

    internal string? ResolveProfanityListDirectory()
    {
        if (!string.IsNullOrEmpty(ProfanityListDirectory))
        {
            return ProfanityListDirectory;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "truetext", "naughty-words");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
