namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>TrueText: turns raw recognition into readable text, and tidies translations.</summary>
public interface ITextWorkerGrain : IGrainWithIntegerKey
{
    [ResponseTimeout("00:00:02")]
    Task<string> NormalizeAsync(TextRequest request);
}

/// <summary>Text to tidy, in <paramref name="Language"/>; partials get only stable, cheap changes.</summary>
[GenerateSerializer, Immutable, Alias("speech.text-request")]
public sealed record class TextRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] string Language,
    [property: Id(2)] bool IsFinal,
    [property: Id(3)] ProfanityAction ProfanityAction,
    [property: Id(4)] ProfanityMarker ProfanityMarker);
