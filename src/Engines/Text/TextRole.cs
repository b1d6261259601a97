namespace SpeechCluster.Engines.Text;

/// <summary>Where a text comes from, which decides the steps TrueText applies.</summary>
public enum TextRole
{
    /// <summary>
    /// A recognition in the spoken language: disfluencies, numbers, punctuation and casing (when the
    /// recognizer gave none), profanity.
    /// </summary>
    Recognition = 0,

    /// <summary>
    /// A translation into the target language: sentence-start casing, the target's punctuation
    /// conventions (Spanish "¿…?" and "¡…!", French spaces before "?!;:"), profanity. No disfluency
    /// removal, no number rewriting: the source pass did those.
    /// </summary>
    Translation = 1,
}
