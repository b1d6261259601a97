namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>
/// Recognizes one utterance, keyed "session/utterance/attempt". Unlike the other workers it holds
/// state for the length of one utterance (a leased decoder, so partials are incremental); the
/// session keeps the audio, so a lost activation is redone under a new attempt key.
/// </summary>
public interface IRecognitionGrain : IGrainWithStringKey
{
    /// <summary>Adds 16 kHz audio and returns the hypothesis so far.</summary>
    [ResponseTimeout("00:00:05")]
    Task<string> AcceptAsync(string locale, short[] samples);

    /// <summary>Returns the final recognition and releases everything.</summary>
    [ResponseTimeout("00:00:15")]
    Task<RecognitionOutcome> FinishAsync();

    /// <summary>Drops the utterance and releases everything.</summary>
    Task CancelAsync();
}

/// <summary>The final text as recognized (raw) and its words, offsets from the utterance start.</summary>
[GenerateSerializer, Immutable, Alias("speech.recognition-outcome")]
public sealed record class RecognitionOutcome(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<WordTiming> Words);
