using System.Diagnostics;
using SpeechCluster.Engines.Vad;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// The state of one conversation as a session activation holds it. A recovery (a new epoch)
/// replaces the whole object, so work still running for the old one writes into an event log
/// that nobody reads any more. Used only on the session grain's scheduler.
/// </summary>
internal sealed class Conversation
{
    private readonly SortedSet<(long Start, int Id)> _unpublished = [];

    public Conversation(SessionOptions options, SessionSettings settings, SessionResume? resume)
    {
        Options = options;
        Epoch = resume?.Epoch ?? Guid.Empty;
        Offset = resume?.StartPosition ?? 0;
        NextUtteranceId = resume?.NextUtteranceId ?? 0;
        FinalsPublished = NextUtteranceId;
        Clock = new StreamClock(options.InputSampleRate);
        Endpointer = new Endpointer(settings.Endpointer, VadRequest.FrameSamples);
        // The history must reach back as far as a start event can (minimum speech plus padding)
        // from any frame of a message; the intake grows it for a client whose messages are long.
        var history = TimeSpan.FromSeconds(Math.Max(settings.History.TotalSeconds, 2.0 * Endpointer.LookbackSamples / StreamClock.Rate));
        Intake = new AudioIntake(options.InputSampleRate, VadRequest.FrameSamples, history, (int)Endpointer.LookbackSamples);
    }

    public SessionOptions Options { get; }

    public Guid Epoch { get; }

    /// <summary>Stream position of this activation's first sample: intake and endpointer count from it.</summary>
    public long Offset { get; }

    public StreamClock Clock { get; }

    public AudioIntake Intake { get; }

    public Endpointer Endpointer { get; }

    public List<EndpointEvent> Endpoints { get; } = [];

    public EventLog Events { get; } = new();

    public VadState VadState { get; set; } = FreshVadState();

    public OpenUtterance? Open { get; set; }

    /// <summary>
    /// Silero's state as at the start of a stream. The session starts each utterance's search from it:
    /// carried on from one utterance through a long pause, the state can leave the model deaf to the
    /// next, quieter speaker (probability 0.001 all through a FLEURS clip after another clip and 8.8 s
    /// of silence, 0.99 from a fresh state), so a whole utterance got no final.
    /// </summary>
    public static VadState FreshVadState() => new(new float[VadStreamState.StateLength], new float[VadStreamState.ContextLength]);

    public int NextUtteranceId { get; set; }

    public int FinalsPublished { get; private set; }

    /// <summary>Finalisations in utterance order: each publishes after the one before it.</summary>
    public Task Finals { get; set; } = Task.CompletedTask;

    public bool InputEnded { get; set; }

    public bool Abandoned { get; set; }

    /// <summary>The connection the session serves; calls from an older one are ignored.</summary>
    public Guid Connection { get; set; }

    /// <summary>The span of the gateway's connection, which each utterance's trace links to; default when none was sent.</summary>
    public ActivityContext Trace { get; set; }

    /// <summary>Ends a detached conversation that nobody resumed in time.</summary>
    public IDisposable? DetachTimer { get; set; }

    /// <summary>An utterance's audio is needed (for a recovery) from when it starts until its final is published.</summary>
    public void Closing(OpenUtterance utterance) => _unpublished.Add((utterance.StartSample, utterance.Id));

    public void Published(OpenUtterance utterance)
    {
        _unpublished.Remove((utterance.StartSample, utterance.Id));
        FinalsPublished = Math.Max(FinalsPublished, utterance.Id + 1);
    }

    public SessionProgress Progress()
    {
        var needed = Offset + Intake.Position - Endpointer.LookbackSamples;
        if (Open is { } open)
        {
            needed = Math.Min(needed, open.StartSample);
        }

        if (_unpublished.Count > 0)
        {
            needed = Math.Min(needed, _unpublished.Min.Start);
        }

        return new SessionProgress(Math.Max(Offset, needed), FinalsPublished);
    }
}
