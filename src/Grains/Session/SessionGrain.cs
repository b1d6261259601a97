using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using SpeechCluster.Engines.Vad;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Telemetry;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// One conversation. Takes the client's audio in, finds utterances with the VAD worker and the
/// endpointer, streams each utterance to a recognition grain for partials, and at its end runs
/// the final pipeline (recognition, TrueText, translation, synthesis) in utterance order. All
/// conversation state lives here (<see cref="Conversation"/>); the workers hold none that must survive.
/// </summary>
internal sealed partial class SessionGrain(
    IOptions<SessionSettings> settings,
    IOptions<TelemetrySettings> telemetry,
    [FromKeyedServices(WorkerRetry.PipelineKey)] ResiliencePipeline workers,
    TimeProvider time,
    ILogger<SessionGrain> logger)
    : Grain, ISessionGrain, IIncomingGrainCallFilter
{
    private Conversation? _conversation;
    private ConversationLogScope? _logScope;

    private Conversation Current => _conversation ?? throw new SessionNotStartedException();

    private ConversationLogScope LogScope => _logScope ??= new ConversationLogScope(ConversationLogScope.ConversationId(this.GetPrimaryKeyString()));

    /// <summary>
    /// Every call runs in a log scope that names the conversation, and so does the work it starts
    /// (a final outlives the call that ended its utterance): the session's logs can be told apart.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        using (logger.BeginScope(LogScope))
        {
            await context.Invoke();
        }
    }

    public Task StartAsync(SessionOptions options, Guid connection, SessionResume? resume = null)
    {
        var existing = _conversation;
        if (existing is not null && (resume is null || resume.Epoch == existing.Epoch))
        {
            existing.Connection = connection;
            existing.Trace = ConnectionTrace();
            return Task.CompletedTask;
        }

        if (existing is not null)
        {
            Log.Recovered(logger, this.GetPrimaryKeyString(), resume!.NextUtteranceId);
            existing.Abandoned = true;
            existing.Events.Complete();
            existing.Open?.Trace.End("abandoned");
            _ = existing.Open?.Recognizer.CancelAsync();
        }

        var conversation = _conversation = new Conversation(options, settings.Value, resume) { Connection = connection, Trace = ConnectionTrace() };
        Log.Started(logger, this.GetPrimaryKeyString(), options.RecognizerLocale, string.Join(',', options.Targets));
        if (resume is { PendingSpeech.Count: > 0 })
        {
            conversation.Finals = SpeakPendingAsync(conversation, resume.PendingSpeech);
        }

        return Task.CompletedTask;
    }

    public async Task<SessionProgress> PushAudioAsync(AudioChunk chunk)
    {
        var c = Current;
        if (c.InputEnded || c.Abandoned)
        {
            return c.Progress();
        }

        var (frames, start) = c.Intake.Accept(chunk.Samples);
        if (frames.Length > 0)
        {
            var request = new VadRequest(frames, c.VadState);
            var vad = await workers.ExecuteInGrainAsync(() => GrainFactory.GetGrain<IVoiceActivityGrain>(0).ScoreAsync(request));
            c.VadState = vad.State;
            for (var i = 0; i < vad.Probabilities.Length; i++)
            {
                var frameStart = start + (i * VadRequest.FrameSamples);
                c.Endpoints.Clear();
                c.Endpointer.Accept(vad.Probabilities[i], c.Endpoints);
                ApplyEndpoints(c, frameStart);
                c.Open?.Append(frames.AsSpan(i * VadRequest.FrameSamples, VadRequest.FrameSamples));
            }

            await UpdatePartialAsync(c);
        }

        return c.Progress();
    }

    public Task FlushAsync()
    {
        if (_conversation is { Abandoned: false } c)
        {
            c.Endpoints.Clear();
            c.Endpointer.ForceEnd(c.Endpoints);
            ApplyEndpoints(c, c.Intake.Position);
        }

        return Task.CompletedTask;
    }

    public async Task CompleteAsync()
    {
        if (_conversation is not { InputEnded: false } c)
        {
            return;
        }

        c.InputEnded = true;
        c.Open?.Append(c.Intake.TakeRemainder());
        await FlushAsync();
        await c.Finals;
        c.Events.Complete();
    }

    public async Task AbandonAsync(Guid connection)
    {
        if (_conversation is { } c)
        {
            if (c.Connection != connection)
            {
                return;
            }

            c.Abandoned = true;
            c.InputEnded = true;
            c.DetachTimer?.Dispose();
            if (c.Open is { } open)
            {
                c.Open = null;
                open.Trace.End("abandoned");
                await open.Recognizer.CancelAsync();
            }

            c.Events.Complete();
            // Let finals already in flight release their recognizers before the activation goes.
            await c.Finals.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        DeactivateOnIdle();
    }

    public async Task DetachAsync(Guid connection, TimeSpan window)
    {
        if (_conversation is not { Abandoned: false } c || c.Connection != connection)
        {
            return;
        }

        // What was spoken before the drop still gets its final, kept for a client that resumes.
        c.Open?.Append(c.Intake.TakeRemainder());
        await FlushAsync();
        c.DetachTimer?.Dispose();
        c.DetachTimer = this.RegisterGrainTimer(
            static (state, _) => state.Grain.AbandonAsync(state.Connection),
            (Grain: this, Connection: connection),
            new GrainTimerCreationOptions { DueTime = window, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        Log.Detached(logger, this.GetPrimaryKeyString(), window);
    }

    public async Task<SessionAttachment?> AttachAsync(int resumeFrom, Guid connection)
    {
        if (_conversation is not { Abandoned: false } c)
        {
            // Unknown, expired, or another tenant's key: this activation holds nothing to resume.
            DeactivateOnIdle();
            return null;
        }

        c.DetachTimer?.Dispose();
        c.DetachTimer = null;
        c.Trace = ConnectionTrace();
        if (c.Connection != connection)
        {
            // The old connection's audio ended with it (even if the drop is not noticed yet): what
            // it was saying is finished now, and the new connection's audio starts a new utterance.
            c.Connection = connection;
            c.Open?.Append(c.Intake.TakeRemainder());
            await FlushAsync();
        }

        return new SessionAttachment(c.Options, c.Events.ResumePoint(resumeFrom), c.FinalsPublished, c.Offset + c.Intake.Position);
    }

    public IAsyncEnumerable<SessionEvent> ReadEventsAsync(long afterSequence, CancellationToken cancellationToken = default) =>
        Current.Events.ReadAsync(afterSequence, cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A deactivation the gateway did not ask for (a silo shutting down) loses the conversation;
        // the gateway's next call finds a fresh activation and rebuilds it from what it kept.
        if (_conversation is { Abandoned: false } c)
        {
            Log.Deactivated(logger, this.GetPrimaryKeyString(), reason.Description);
            c.Events.Complete();
        }

        return Task.CompletedTask;
    }

    /// <summary>The gateway's span for the connection making this call, sent along in the request context.</summary>
    private static ActivityContext ConnectionTrace() =>
        SpeechTracing.ParseConversation(RequestContext.Get(SpeechTracing.ConversationContextKey) as string);

    /// <summary>The recognizer of one attempt at one utterance: a fresh grain per attempt, so a lost one is never reused.</summary>
    private IRecognitionGrain Recognizer(Conversation c, int utterance, int attempt) =>
        GrainFactory.GetGrain<IRecognitionGrain>(WorkerKeys.Recognition(c.Options.RecognizerLocale, $"{this.GetPrimaryKeyString()}/{c.Epoch:N}/{utterance}/{attempt}"));

    /// <summary>Opens and closes utterances as the endpointer decides; positions become stream positions.</summary>
    private void ApplyEndpoints(Conversation c, long frameStart)
    {
        foreach (var endpoint in c.Endpoints)
        {
            if (endpoint.Kind == EndpointEventKind.Started && c.Open is null)
            {
                var id = c.NextUtteranceId++;
                c.Open = new OpenUtterance(id, c.Offset + endpoint.StartSample, Recognizer(c, id, attempt: 0))
                {
                    Trace = SpeechTracing.StartUtterance(LogScope.Id, id, c.Options.RecognizerLocale, c.Trace, telemetry.Value.IncludeText),
                };
                c.Open.Append(c.Intake.Recent(endpoint.StartSample, frameStart));
            }
            else if (endpoint.Kind == EndpointEventKind.Ended && c.Open is { } open)
            {
                open.EndSample = Math.Min(c.Offset + endpoint.EndSample, open.AudioEnd);
                open.DecidedAt = time.GetTimestamp();
                open.Trace.Endpointed(Milliseconds(open.StartSample), Milliseconds(open.EndSample));
                c.Open = null;
                c.VadState = Conversation.FreshVadState();
                c.Closing(open);
                c.Finals = FinalizeAsync(c, open, c.Finals);
            }
        }
    }

    private static long Milliseconds(long samples) => (long)StreamClock.Time(samples).TotalMilliseconds;
}
