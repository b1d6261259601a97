namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>TrueText: turns raw recognition into readable text, and tidies translations.</summary>
public interface ITextWorkerGrain : IGrainWithIntegerKey
{
    [ResponseTimeout("00:00:02")]
    Task<TextResult> ProcessAsync(TextRequest request);
}

/// <summary>
/// Text to tidy, in <paramref name="Language"/>: a recognition, or (<paramref name="IsTranslation"/>)
/// a translation of one. Partials get only changes that stay stable as words are added.
/// </summary>
[GenerateSerializer, Immutable, Alias("speech.text-request")]
public sealed record class TextRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] string Language,
    [property: Id(2)] bool IsFinal,
    [property: Id(3)] bool IsTranslation,
    [property: Id(4)] DisfluencyMode Disfluency,
    [property: Id(5)] ProfanityAction ProfanityAction,
    [property: Id(6)] ProfanityMarker ProfanityMarker);

/// <summary>
/// <paramref name="Display"/> is what the client sees (disfluency and profanity as it asked);
/// <paramref name="ForTranslation"/> is the clean text to translate (disfluencies removed, nothing
/// masked, so that masking happens on the translation in its own language). Empty for translations.
/// </summary>
[GenerateSerializer, Immutable, Alias("speech.text-result")]
public sealed record class TextResult(
    [property: Id(0)] string Display,
    [property: Id(1)] string ForTranslation);
