namespace SpeechCluster.Grains.Interfaces;

/// <summary>
/// One conversation, keyed "tenant/conversation". Owns all of its state: stream position and
/// timing, utterance ids, the audio of the open utterance, VAD state, and the log of results.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the conversation. Called once the client's WAV header is known.</summary>
    Task StartAsync(SessionOptions options);

    /// <summary>
    /// Accepts the next piece of the client's PCM (mono 16-bit at <see cref="SessionOptions.InputSampleRate"/>).
    /// Completes when the audio has been taken in: awaiting it is the backpressure of the stream.
    /// </summary>
    [ResponseTimeout("00:00:10")]
    Task PushAudioAsync(AudioChunk chunk);

    /// <summary>Finalises the open utterance now (the <c>{"type":"flush"}</c> extension).</summary>
    Task FlushAsync();

    /// <summary>The client has finished sending: finalise what is open; the event stream then completes.</summary>
    Task CompleteAsync();

    /// <summary>The client vanished: drop open work, release engine leases and deactivate.</summary>
    Task AbandonAsync();

    /// <summary>
    /// Results after <paramref name="afterSequence"/>, as they are produced. Completes after the
    /// last result once <see cref="CompleteAsync"/> has been called.
    /// </summary>
    IAsyncEnumerable<SessionEvent> ReadEventsAsync(long afterSequence, CancellationToken cancellationToken = default);
}

/// <summary>A piece of client audio.</summary>
[GenerateSerializer, Immutable, Alias("speech.audio-chunk")]
public sealed record class AudioChunk([property: Id(0)] short[] Samples);
