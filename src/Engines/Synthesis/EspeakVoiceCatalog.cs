using System.Globalization;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// Turns espeak-ng's voice list into one voice per locale, with ids such as <c>es-ES-Espeak</c>.
/// A voice whose tags name no region gets its language's most common one (ICU's likely region:
/// <c>es</c> → <c>ES</c>); where espeak has several voices for one locale (English of Scotland,
/// Lancaster, RP... are all <c>en-GB</c>) the plain, most preferred one is kept. Within a language,
/// the voice espeak itself prefers for the bare language comes first (<c>pt</c> → Portugal).
/// </summary>
internal static class EspeakVoiceCatalog
{
    public const string DisplayName = "Espeak";

    public static IReadOnlyList<EspeakVoice> Build(IEnumerable<EspeakListedVoice> listed)
    {
        var candidates = listed
            .Where(v => v.Languages.Count > 0 && v.Identifier.Length > 0)
            .Select(Describe)
            .GroupBy(c => c.Voice.Info.Locale, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(c => c.IsVariant).ThenBy(c => c.Priority).First());
        return [.. candidates
            .OrderBy(c => c.Voice.Info.Language, StringComparer.Ordinal)
            .ThenBy(c => c.PreferenceForLanguage)
            .ThenBy(c => c.Voice.Info.Locale, StringComparer.Ordinal)
            .Select(c => c.Voice)];
    }

    private static Candidate Describe(EspeakListedVoice voice)
    {
        var (priority, tag) = voice.Languages[0];
        var subtags = tag.Split('-');
        var language = subtags[0].ToLowerInvariant();
        var region = RegionOf(subtags)
            ?? voice.Languages.Select(l => l.Tag.Split('-')).Where(s => s[0] == language).Select(RegionOf).FirstOrDefault(r => r is not null)
            ?? LikelyRegion(language);
        var locale = region is null ? language : $"{language}-{region}";
        var isVariant = subtags.Skip(1).Any(s => RegionOrScript(s) is null);
        var bare = voice.Languages.Where(l => l.Tag == language).Select(l => l.Priority).DefaultIfEmpty(int.MaxValue).Min();
        var info = new VoiceInfo(
            Id: $"{locale}-{DisplayName}",
            DisplayName: DisplayName,
            Gender: voice.Gender == 2 ? "female" : "male",
            Locale: locale,
            Language: language,
            LanguageName: LanguageName(language, voice.Name),
            RegionName: region is null ? "" : RegionName(region, voice.Name));
        return new Candidate(new EspeakVoice(info, voice.Identifier), isVariant, priority, bare);
    }

    // "US", "419": a region; "Latn": a script; anything else ("scotland", "x") a variant.
    private static string? RegionOrScript(string subtag) => subtag.Length switch
    {
        2 when subtag.All(char.IsAsciiLetter) => subtag.ToUpperInvariant(),
        3 when subtag.All(char.IsAsciiDigit) => subtag,
        4 when subtag.All(char.IsAsciiLetter) => "",
        _ => null,
    };

    private static string? RegionOf(string[] subtags) =>
        subtags.Skip(1).Select(RegionOrScript).FirstOrDefault(r => !string.IsNullOrEmpty(r));

    private static string? LikelyRegion(string language)
    {
        try
        {
            var specific = CultureInfo.CreateSpecificCulture(language).Name.Split('-');
            var region = specific.Length > 1 ? RegionOrScript(specific[^1]) : null;
            return string.IsNullOrEmpty(region) || region == "001" ? null : region;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static string LanguageName(string language, string espeakName)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(language).EnglishName;
            return name != language ? name : BeforeParenthesis(espeakName);
        }
        catch (CultureNotFoundException)
        {
            return BeforeParenthesis(espeakName);
        }
    }

    private static string RegionName(string region, string espeakName)
    {
        try
        {
            return new RegionInfo(region).EnglishName;
        }
        catch (ArgumentException)
        {
            var open = espeakName.IndexOf('(', StringComparison.Ordinal);
            return open < 0 ? region : espeakName[(open + 1)..].TrimEnd(')', ' ');
        }
    }

    private static string BeforeParenthesis(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return (open < 0 ? name : name[..open]).Trim();
    }

    private sealed record Candidate(EspeakVoice Voice, bool IsVariant, int Priority, int PreferenceForLanguage);
}
