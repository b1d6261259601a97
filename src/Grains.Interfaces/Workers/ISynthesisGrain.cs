namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>Speaks text and encodes it as one complete audio file.</summary>
public interface ISynthesisGrain : IGrainWithStringKey
{
    [ResponseTimeout("00:00:10")]
    Task<byte[]> SynthesizeAsync(SynthesisRequest request);
}

/// <param name="Voice">A voice id from the catalog, or null for the language's default voice.</param>
[GenerateSerializer, Immutable, Alias("speech.synthesis-request")]
public sealed record class SynthesisRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] string Language,
    [property: Id(2)] string? Voice,
    [property: Id(3)] SpeechAudioFormat Format);
