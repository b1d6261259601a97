using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Engines.Tests.Vad;

/// <summary>The endpointer's maximum length, forced ends, look-back and allocations, on synthetic probabilities.</summary>
public sealed class EndpointerLimitsTests
{
    private const float Speech = EndpointerScript.Speech;
    private const float Quiet = EndpointerScript.Quiet;
    private const int Frame = EndpointerScript.Frame;

    [Fact]
    public void Accept_ContinuousSpeechBeyondMaxLength_CutsAndStartsTheNextAtOnce()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 100), (Speech, 2000));

        Assert.Equal(3, events.Count);
        var (first, cut, next) = (events[0], events[1], events[2]);
        Assert.Equal(UtteranceEndReason.MaxLength, cut.Reason);
        Assert.Equal(15 * 16000, cut.EndSample - first.StartSample);
        Assert.Equal(cut.DecisionSample, cut.EndSample);
        Assert.Equal(EndpointEventKind.Started, next.Kind);
        Assert.Equal(cut.EndSample, next.StartSample);
        Assert.Equal(cut.EndSample, next.SpeechStartSample);
    }

    [Fact]
    public void Accept_MaxLengthReachedDuringTrailingSilence_EndsWithoutRestarting()
    {
        // Speech from 0 to 14.8 s, so the limit falls 200 ms into the trailing silence.
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Speech, 1480), (Quiet, 200));

        Assert.Equal(2, events.Count);
        Assert.Equal(UtteranceEndReason.MaxLength, events[1].Reason);
        Assert.Equal(1480 * Frame, events[1].SpeechEndSample);
        Assert.Equal(1500 * Frame, events[1].EndSample);
    }

    [Fact]
    public void ForceEnd_OpenUtterance_EndsItWithPaddingClampedToThePosition()
    {
        var (endpointer, events) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 20), (Speech, 40), (Quiet, 5));

        Assert.True(endpointer.ForceEnd(events));

        Assert.Equal(2, events.Count);
        Assert.Equal(UtteranceEndReason.Forced, events[1].Reason);
        Assert.Equal(60 * Frame, events[1].SpeechEndSample);
        Assert.Equal(65 * Frame, events[1].EndSample);
        Assert.Equal(65 * Frame, events[1].DecisionSample);
        Assert.False(endpointer.InUtterance);
    }

    [Fact]
    public void ForceEnd_PendingSpeech_DropsItAndReportsNothing()
    {
        var (endpointer, events) = EndpointerScript.Run(new EndpointerOptions(), (Speech, 10));

        Assert.False(endpointer.ForceEnd(events));
        endpointer.Accept(Enumerable.Repeat(Speech, 15).ToArray(), events);

        Assert.Empty(events);
    }

    [Fact]
    public void StartedEvent_Always_LiesWithinTheLookback()
    {
        var endpointer = new Endpointer(new EndpointerOptions(), 512);
        var events = new List<EndpointEvent>();
        endpointer.Accept(Enumerable.Repeat(Quiet, 50).Concat(Enumerable.Repeat(Speech, 50)).ToArray(), events);

        var started = Assert.Single(events);
        Assert.InRange(started.DecisionSample - started.StartSample, 1, endpointer.LookbackSamples);
    }

    [Fact]
    public void Accept_ManyFrames_AllocatesNothing()
    {
        var endpointer = new Endpointer(new EndpointerOptions(), 512);
        var events = new List<EndpointEvent>(capacity: 8);
        var pattern = Enumerable.Range(0, 4000).Select(i => i % 400 < 200 ? Speech : Quiet).ToArray();
        endpointer.Accept(pattern, events);
        events.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        endpointer.Accept(pattern.AsSpan(0, 1600), events);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotEmpty(events);
        Assert.Equal(0, allocated);
    }
}
