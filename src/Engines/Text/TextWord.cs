namespace SpeechCluster.Engines.Text;

/// <summary>One word on its way through the TrueText steps. Mutable; lives for one request.</summary>
internal sealed class TextWord(string key, string display, int source)
{
    /// <summary>Lower-case form the rules look at ("i'm", "twenty-five", "should" for "should-").</summary>
    public string Key { get; set; } = key;

    /// <summary>What is written (casing and number rewriting change it).</summary>
    public string Display { get; set; } = display;

    /// <summary>Index of the first input token it stands for.</summary>
    public int Source { get; } = source;

    /// <summary>Index of the last input token it stands for (a rewritten number spans several).</summary>
    public int SourceEnd { get; set; } = source;

    /// <summary>Punctuation written before it ("¿", an opening quote).</summary>
    public string Lead { get; set; } = "";

    /// <summary>Punctuation written after it (",", "?").</summary>
    public string Trail { get; set; } = "";

    /// <summary>A cut-off word the speaker abandoned ("should-").</summary>
    public bool IsFragment { get; init; }

    public bool Disfluent { get; set; }

    /// <summary>Absorbed into the word before it by number rewriting; never written.</summary>
    public bool Hidden { get; set; }

    /// <summary>Its casing is settled (a rewritten number or unit such as "PM").</summary>
    public bool CasingFixed { get; set; }

    /// <summary>Starts or continues a listed profanity; <see cref="ProfanityEnd"/> marks the last word of one.</summary>
    public bool Profane { get; set; }

    public bool ProfanityEnd { get; set; }

    /// <summary>Written in the output (not removed, not absorbed).</summary>
    public bool IsFluent => !Disfluent && !Hidden;
}
