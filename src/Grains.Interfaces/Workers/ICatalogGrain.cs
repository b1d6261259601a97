namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>What the engines of a silo can do: the source of <c>/languages</c> and of request validation.</summary>
public interface ICatalogGrain : IGrainWithIntegerKey
{
    [ResponseTimeout("00:00:05")]
    Task<EngineCatalog> GetCatalogAsync();
}

/// <summary>Recognizer locales, translation pairs and voices.</summary>
[GenerateSerializer, Immutable, Alias("speech.engine-catalog")]
public sealed record class EngineCatalog(
    [property: Id(0)] IReadOnlyList<SpeechLocale> SpeechLocales,
    [property: Id(1)] IReadOnlyList<TranslationPair> Pairs,
    [property: Id(2)] IReadOnlyList<Voice> Voices);

/// <param name="Locale">e.g. <c>en-US</c>.</param>
/// <param name="Language">Its text language, e.g. <c>en</c>.</param>
/// <param name="Model">The model that recognizes it (<c>pocketsphinx</c>, <c>whisper-tiny</c>); null from silos that predate it.</param>
/// <param name="Detects">
/// Whether <paramref name="Model"/> can tell which of its locales is spoken: locales of one detecting
/// model can be candidates together (<c>from=en-US,es-ES</c>).
/// </param>
[GenerateSerializer, Immutable, Alias("speech.speech-locale")]
public sealed record class SpeechLocale(
    [property: Id(0)] string Locale,
    [property: Id(1)] string Language,
    [property: Id(2)] string? Model = null,
    [property: Id(3)] bool Detects = false)
{
    /// <summary>Whether this locale and <paramref name="other"/> can be detected among by one model.</summary>
    public bool DetectsWith(SpeechLocale other) =>
        Detects && other.Detects && Model is not null && string.Equals(Model, other.Model, StringComparison.Ordinal);
}

[GenerateSerializer, Immutable, Alias("speech.translation-pair")]
public sealed record class TranslationPair(
    [property: Id(0)] string From,
    [property: Id(1)] string To,
    [property: Id(2)] string? Pivot);

/// <summary>A voice as the <c>tts</c> scope of <c>/languages</c> lists it.</summary>
[GenerateSerializer, Immutable, Alias("speech.voice")]
public sealed record class Voice(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Gender,
    [property: Id(3)] string Locale,
    [property: Id(4)] string Language,
    [property: Id(5)] string LanguageName,
    [property: Id(6)] string RegionName,
    [property: Id(7)] bool IsDefaultForLanguage);
