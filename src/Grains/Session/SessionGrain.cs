using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Vad;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Session;

/// <summary>
/// One conversation. Takes the client's audio in, finds utterances with the VAD worker and the
/// endpointer, streams each utterance to a recognition grain for partials, and at its end runs
/// the final pipeline (recognition, TrueText, translation, synthesis) in utterance order. All
/// conversation state lives here; the workers hold none that must survive.
/// </summary>
internal sealed partial class SessionGrain(IOptions<SessionSettings> settings, TimeProvider time, ILogger<SessionGrain> logger)
    : Grain, ISessionGrain
{
    private readonly EventLog _events = new();
    private readonly List<EndpointEvent> _endpoints = [];
    private SessionOptions? _options;
    private StreamClock _clock;
    private AudioIntake? _intake;
    private Endpointer? _endpointer;
    private VadState _vadState = new(new float[VadStreamState.StateLength], new float[VadStreamState.ContextLength]);
    private OpenUtterance? _open;
    private int _nextUtteranceId;
    private Task _finals = Task.CompletedTask;
    private bool _inputEnded;
    private bool _abandoned;

    private SessionOptions Options => _options ?? throw new InvalidOperationException("the session has not been started");

    public Task StartAsync(SessionOptions options)
    {
        if (_options is null)
        {
            _options = options;
            _clock = new StreamClock(options.InputSampleRate);
            _endpointer = new Endpointer(settings.Value.Endpointer, VadRequest.FrameSamples);
            // The history must reach back as far as a start event can (minimum speech plus padding).
            var history = TimeSpan.FromSeconds(Math.Max(settings.Value.History.TotalSeconds, 2.0 * _endpointer.LookbackSamples / StreamClock.Rate));
            _intake = new AudioIntake(options.InputSampleRate, VadRequest.FrameSamples, history);
            Log.Started(logger, this.GetPrimaryKeyString(), options.SpeechLocale, string.Join(',', options.Targets));
        }

        return Task.CompletedTask;
    }

    public async Task PushAudioAsync(AudioChunk chunk)
    {
        if (_inputEnded || _abandoned || _intake is null)
        {
            return;
        }

        var (frames, start) = _intake.Accept(chunk.Samples);
        if (frames.Length == 0)
        {
            return;
        }

        var vad = await GrainFactory.GetGrain<IVoiceActivityGrain>(0).ScoreAsync(new VadRequest(frames, _vadState));
        _vadState = vad.State;
        for (var i = 0; i < vad.Probabilities.Length; i++)
        {
            var frameStart = start + (i * VadRequest.FrameSamples);
            _endpoints.Clear();
            _endpointer!.Accept(vad.Probabilities[i], _endpoints);
            ApplyEndpoints(frameStart);
            _open?.Append(frames.AsSpan(i * VadRequest.FrameSamples, VadRequest.FrameSamples));
        }

        await UpdatePartialAsync();
    }

    public Task FlushAsync()
    {
        if (_endpointer is not null && !_abandoned)
        {
            _endpoints.Clear();
            _endpointer.ForceEnd(_endpoints);
            ApplyEndpoints(_intake!.Position);
        }

        return Task.CompletedTask;
    }

    public async Task CompleteAsync()
    {
        if (_inputEnded)
        {
            return;
        }

        _inputEnded = true;
        if (_intake is not null)
        {
            _open?.Append(_intake.TakeRemainder());
            await FlushAsync();
        }

        await _finals;
        _events.Complete();
    }

    public async Task AbandonAsync()
    {
        _abandoned = true;
        _inputEnded = true;
        if (_open is { } open)
        {
            _open = null;
            await open.Recognizer.CancelAsync();
        }

        _events.Complete();
        // Let finals already in flight release their recognizers before the activation goes.
        await _finals.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        DeactivateOnIdle();
    }

    public IAsyncEnumerable<SessionEvent> ReadEventsAsync(long afterSequence, CancellationToken cancellationToken = default) =>
        _events.ReadAsync(afterSequence, cancellationToken);

    private void ApplyEndpoints(long frameStart)
    {
        foreach (var endpoint in _endpoints)
        {
            if (endpoint.Kind == EndpointEventKind.Started && _open is null)
            {
                var id = _nextUtteranceId++;
                var recognizer = GrainFactory.GetGrain<IRecognitionGrain>($"{this.GetPrimaryKeyString()}/{id}/0");
                _open = new OpenUtterance(id, endpoint.StartSample, recognizer);
                _open.Append(_intake!.Recent(endpoint.StartSample, frameStart));
            }
            else if (endpoint.Kind == EndpointEventKind.Ended && _open is { } open)
            {
                open.EndSample = Math.Min(endpoint.EndSample, open.AudioEnd);
                open.DecidedAt = time.GetTimestamp();
                _open = null;
                _finals = FinalizeAsync(open, _finals);
            }
        }
    }
}
