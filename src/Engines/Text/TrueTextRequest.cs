namespace SpeechCluster.Engines.Text;

/// <summary>One text for <see cref="TrueText.Process"/>. Immutable.</summary>
public sealed record TrueTextRequest
{
    /// <summary>The text: a recognizer's hypothesis, or a translation of one.</summary>
    public required string Text { get; init; }

    /// <summary>Its language, ISO 639-1 with an optional region (<c>en</c>, <c>en-US</c>, <c>es</c>).</summary>
    public required string Language { get; init; }

    /// <summary>
    /// Whether this is the utterance's final text. Partials get no sentence-final punctuation and
    /// keep what is stable (see <see cref="TrueTextResult.StableLength"/>). Default: false.
    /// </summary>
    public bool IsFinal { get; init; }

    /// <summary>Default: <see cref="TextRole.Recognition"/>.</summary>
    public TextRole Role { get; init; } = TextRole.Recognition;

    /// <summary>Default: <see cref="DisfluencyMode.Removed"/>. Ignored for translations.</summary>
    public DisfluencyMode Disfluency { get; init; } = DisfluencyMode.Removed;

    /// <summary>Default: <see cref="ProfanityAction.Marked"/>, as in the protocol.</summary>
    public ProfanityAction ProfanityAction { get; init; } = ProfanityAction.Marked;

    /// <summary>Default: <see cref="ProfanityMarker.Asterisk"/>, as in the protocol.</summary>
    public ProfanityMarker ProfanityMarker { get; init; } = ProfanityMarker.Asterisk;
}
