using System.Globalization;

namespace SpeechCluster.Gateway.Languages;

/// <summary>Display names from .NET's culture data (ICU), in English.</summary>
internal static class LanguageNames
{
    public static string Name(string language) => Culture(language)?.EnglishName ?? language;

    public static bool IsRightToLeft(string language) => Culture(language)?.TextInfo.IsRightToLeft ?? false;

    private static CultureInfo? Culture(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return culture.IsNeutralCulture ? culture : culture.Parent.Name.Length > 0 ? culture.Parent : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
