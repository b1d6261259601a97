using Microsoft.Extensions.Options;

namespace SpeechCluster.Engines.Vad;

/// <summary>
/// Turns per-frame speech probabilities of one stream into utterance boundaries. Pure logic: feed it
/// every frame's probability in order with <see cref="Accept(float, List{EndpointEvent})"/>, act on the
/// events it appends, and call <see cref="ForceEnd"/> on a client's flush or at the end of the stream.
/// </summary>
/// <remarks>
/// One per conversation; not thread-safe. It allocates nothing per frame. While no utterance is
/// open, keep at least <see cref="LookbackSamples"/> of recent audio: a Started event may reach that
/// far back.
/// </remarks>
public sealed class Endpointer
{
    private const int SamplesPerSecond = 16000;

    private readonly float _startThreshold;
    private readonly float _continueThreshold;
    private readonly long _minSpeech;
    private readonly long _endSilence;
    private readonly long _maxLength;
    private readonly long _prePadding;
    private readonly long _postPadding;

    private State _state;
    private long _speechStart;
    private long _utteranceStart;
    private long _lastSpeechEnd;
    private long _previousEnd;

    /// <param name="options">Copied at construction; validated by <see cref="EndpointerOptionsValidator"/>.</param>
    /// <param name="frameSamples">Samples per probability: <see cref="IVoiceActivityModel.FrameSamples"/>.</param>
    /// <exception cref="OptionsValidationException">The options are inconsistent.</exception>
    public Endpointer(EndpointerOptions options, int frameSamples)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(frameSamples, 1);
        var validation = new EndpointerOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(string.Empty, typeof(EndpointerOptions), validation.Failures);
        }

        FrameSamples = frameSamples;
        _startThreshold = options.StartThreshold;
        _continueThreshold = options.ContinueThreshold;
        _minSpeech = ToSamples(options.MinSpeechDuration);
        _endSilence = ToSamples(options.EndSilence);
        _maxLength = ToSamples(options.MaxUtteranceLength);
        _prePadding = ToSamples(options.PrePadding);
        _postPadding = ToSamples(options.PostPadding);
        var framesBeforeOpening = Math.Max(1, (_minSpeech + frameSamples - 1) / frameSamples);
        LookbackSamples = _prePadding + (framesBeforeOpening * frameSamples);
    }

    private enum State
    {
        Silence,
        PendingSpeech,
        Speech,
        TrailingSilence,
    }

    public int FrameSamples { get; }

    /// <summary>Samples consumed so far: the end of the last accepted frame.</summary>
    public long Position { get; private set; }

    /// <summary>Whether an utterance is open (a Started event not yet followed by an Ended one).</summary>
    public bool InUtterance => _state is State.Speech or State.TrailingSilence;

    /// <summary>How far before <see cref="Position"/> a Started event's <see cref="EndpointEvent.StartSample"/> can lie.</summary>
    public long LookbackSamples { get; }

    /// <summary>Consumes the next frame's speech probability; appends 0, 1 or 2 events (an end at the maximum length and the next start).</summary>
    public void Accept(float probability, List<EndpointEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var frameStart = Position;
        Position += FrameSamples;
        switch (_state)
        {
            case State.Silence when probability >= _startThreshold:
                _speechStart = frameStart;
                _state = State.PendingSpeech;
                OpenIfLongEnough(events);
                break;
            case State.PendingSpeech when probability >= _continueThreshold:
                OpenIfLongEnough(events);
                break;
            case State.PendingSpeech:
                _state = State.Silence;
                break;
            case State.Speech when probability >= _continueThreshold:
            case State.TrailingSilence when probability >= _startThreshold:
                _state = State.Speech;
                _lastSpeechEnd = Position;
                EndIfTooLong(events);
                break;
            case State.Speech:
            case State.TrailingSilence:
                _state = State.TrailingSilence;
                if (Position - _lastSpeechEnd >= _endSilence)
                {
                    Close(UtteranceEndReason.Silence, events);
                }
                else
                {
                    EndIfTooLong(events);
                }

                break;
        }
    }

    /// <summary>Consumes several frames' probabilities in order.</summary>
    public void Accept(ReadOnlySpan<float> probabilities, List<EndpointEvent> events)
    {
        foreach (var probability in probabilities)
        {
            Accept(probability, events);
        }
    }

    /// <summary>
    /// Ends the open utterance now (reason <see cref="UtteranceEndReason.Forced"/>), for a client's
    /// flush or the end of the stream. Speech still pending (shorter than the minimum duration) is
    /// dropped, as it would be at a pause. Returns whether an utterance ended.
    /// </summary>
    public bool ForceEnd(List<EndpointEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_state == State.PendingSpeech)
        {
            _state = State.Silence;
        }

        if (!InUtterance)
        {
            return false;
        }

        Close(UtteranceEndReason.Forced, events);
        return true;
    }

    private void OpenIfLongEnough(List<EndpointEvent> events)
    {
        if (Position - _speechStart >= _minSpeech)
        {
            Open(Math.Max(_previousEnd, _speechStart - _prePadding), _speechStart, events);
        }
    }

    private void Open(long start, long speechStart, List<EndpointEvent> events)
    {
        _state = State.Speech;
        _utteranceStart = start;
        _speechStart = speechStart;
        _lastSpeechEnd = Position;
        events.Add(EndpointEvent.Started(start, speechStart, Position));
    }

    private void EndIfTooLong(List<EndpointEvent> events)
    {
        if (Position - _utteranceStart < _maxLength)
        {
            return;
        }

        var speechGoesOn = _state == State.Speech;
        Close(UtteranceEndReason.MaxLength, events);
        if (speechGoesOn)
        {
            Open(Position, Position, events);
        }
    }

    private void Close(UtteranceEndReason reason, List<EndpointEvent> events)
    {
        var end = Math.Min(_lastSpeechEnd + _postPadding, Position);
        events.Add(EndpointEvent.Ended(_utteranceStart, _speechStart, end, _lastSpeechEnd, Position, reason));
        _previousEnd = end;
        _state = State.Silence;
    }

    private static long ToSamples(TimeSpan duration) => (long)Math.Round(duration.TotalSeconds * SamplesPerSecond);
}
