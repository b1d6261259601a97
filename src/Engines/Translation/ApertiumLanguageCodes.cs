using System.Collections.Frozen;
using System.Globalization;

namespace SpeechCluster.Engines.Translation;

/// <summary>
/// Turns Apertium's language codes (ISO 639-3 such as <c>eng</c>, <c>spa</c>, or ISO 639-1 such as
/// <c>es</c>, <c>pt</c>) into ISO 639-1 where one exists. The table comes from the platform's ICU
/// cultures, so no list of languages is kept here; codes without a two-letter form (<c>ast</c>) stay.
/// </summary>
internal static class ApertiumLanguageCodes
{
    private static readonly FrozenDictionary<string, string> ThreeToTwo = BuildTable();

    public static string ToIso6391(string code)
    {
        var lower = code.ToLowerInvariant();
        return ThreeToTwo.TryGetValue(lower, out var twoLetter) ? twoLetter : lower;
    }

    private static FrozenDictionary<string, string> BuildTable()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.NeutralCultures))
        {
            var two = culture.TwoLetterISOLanguageName;
            var three = culture.ThreeLetterISOLanguageName;
            if (two.Length == 2 && three.Length == 3 && two != "iv")
            {
                table.TryAdd(three, two);
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
