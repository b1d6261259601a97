namespace SpeechCluster.Grains.Interfaces;

/// <summary>
/// One conversation, keyed "tenant/conversation". Owns all of its state: stream position and
/// timing, utterance ids, the audio of the open utterance, VAD state, and the log of results.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the conversation once the client's WAV header is known, for the connection
    /// <paramref name="connection"/>. With <paramref name="resume"/>,
    /// (re)starts it from a state the gateway vouches for — after the silo that held it died, the
    /// new activation continues the ids and the timing base, and the gateway replays the audio not
    /// yet covered by a delivered final. Calling it again with the same options or epoch does nothing.
    /// </summary>
    Task StartAsync(SessionOptions options, Guid connection, SessionResume? resume = null);

    /// <summary>
    /// Accepts the next piece of the client's PCM (mono 16-bit at <see cref="SessionOptions.InputSampleRate"/>).
    /// Completes when the audio has been taken in: awaiting it is the backpressure of the stream.
    /// Returns how far the gateway may forget audio it keeps for a recovery.
    /// </summary>
    [ResponseTimeout("00:00:10")]
    Task<SessionProgress> PushAudioAsync(AudioChunk chunk);

    /// <summary>Finalises the open utterance now (the <c>{"type":"flush"}</c> extension).</summary>
    [ResponseTimeout("00:00:10")]
    Task FlushAsync();

    /// <summary>The client has finished sending: finalise what is open; the event stream then completes.</summary>
    Task CompleteAsync();

    /// <summary>
    /// The conversation is over: drop open work, release engine leases and deactivate. Ignored
    /// when <paramref name="connection"/> is no longer the one the session serves (a client resumed elsewhere).
    /// </summary>
    Task AbandonAsync(Guid connection);

    /// <summary>
    /// The client's connection dropped without a close: finish what was spoken, and keep the
    /// results for a client that resumes within <paramref name="window"/>; then deactivate.
    /// </summary>
    Task DetachAsync(Guid connection, TimeSpan window);

    /// <summary>
    /// A client resumes the conversation (the resume extension). Returns null when this session
    /// holds no conversation (unknown, expired, or another tenant's key); otherwise its options and
    /// the sequence after which the results the client has not seen start (finals after <paramref name="resumeFrom"/>).
    /// </summary>
    Task<SessionAttachment?> AttachAsync(int resumeFrom, Guid connection);

    /// <summary>
    /// Results after <paramref name="afterSequence"/>, as they are produced. Completes after the
    /// last result once <see cref="CompleteAsync"/> has been called.
    /// </summary>
    IAsyncEnumerable<SessionEvent> ReadEventsAsync(long afterSequence, CancellationToken cancellationToken = default);
}

/// <summary>A piece of client audio.</summary>
[GenerateSerializer, Immutable, Alias("speech.audio-chunk")]
public sealed record class AudioChunk([property: Id(0)] short[] Samples);

/// <summary>Where a recovered session starts: the gateway's view of what the client already has.</summary>
/// <param name="Epoch">New for each recovery, so a retried start is recognized and a stale activation is replaced.</param>
/// <param name="NextUtteranceId">The id of the first final the client has not received.</param>
/// <param name="StartPosition">16 kHz stream position of the first replayed sample.</param>
/// <param name="PendingSpeech">Finals the client received whose spoken translations it did not: synthesize them first.</param>
[GenerateSerializer, Immutable, Alias("speech.session-resume")]
public sealed record class SessionResume(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] int NextUtteranceId,
    [property: Id(2)] long StartPosition,
    [property: Id(3)] IReadOnlyList<PendingSpeech> PendingSpeech);

/// <summary>A delivered final's translations whose audio the client has yet to get, by target language.</summary>
[GenerateSerializer, Immutable, Alias("speech.pending-speech")]
public sealed record class PendingSpeech(
    [property: Id(0)] int UtteranceId,
    [property: Id(1)] IReadOnlyList<string> Languages,
    [property: Id(2)] IReadOnlyList<string> Translations);

/// <param name="NeededFrom">16 kHz stream position before which no audio is needed to redo unpublished work.</param>
/// <param name="FinalsPublished">Finals published so far (the next final's id).</param>
[GenerateSerializer, Immutable, Alias("speech.session-progress")]
public sealed record class SessionProgress(
    [property: Id(0)] long NeededFrom,
    [property: Id(1)] int FinalsPublished);

/// <summary>What a resuming connection needs: the conversation's options and where to read from.</summary>
[GenerateSerializer, Immutable, Alias("speech.session-attachment")]
/// <param name="StreamPosition">16 kHz position where the resumed connection's audio continues the stream.</param>
public sealed record class SessionAttachment(
    [property: Id(0)] SessionOptions Options,
    [property: Id(1)] long AfterSequence,
    [property: Id(2)] int FinalsPublished,
    [property: Id(3)] long StreamPosition);
