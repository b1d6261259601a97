using System.Text.RegularExpressions;

namespace SpeechCluster.Engines.Text;

/// <summary>
/// What a voice should read of a displayed text: words the client asked to have marked as
/// profanity (<c>***</c> or <c>&lt;profanity&gt;…&lt;/profanity&gt;</c>) are left unsaid, and
/// disfluency labels are dropped with what they hold.
/// </summary>
public static partial class SpeakableText
{
    public static string From(string displayed) =>
        Spaces().Replace(Marked().Replace(displayed, " "), " ").Trim();

    [GeneratedRegex(@"<profanity>.*?</profanity>|<disfluency>.*?</disfluency>|\*{2,}", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
