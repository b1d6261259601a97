using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Engines.Tests.Vad;

/// <summary>
/// When the endpointer opens and closes utterances, on synthetic probabilities with 10 ms frames
/// (see <see cref="EndpointerScript"/>): 200 ms minimum speech is 20 frames, 400 ms end silence 40.
/// </summary>
public sealed class EndpointerTests
{
    private const float Speech = EndpointerScript.Speech;
    private const float Quiet = EndpointerScript.Quiet;
    private const int Frame = EndpointerScript.Frame;
    private const float Between = EndpointerScript.Between;

    [Fact]
    public void Accept_SilenceOnly_ReportsNothing()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 500));

        Assert.Empty(events);
    }

    [Fact]
    public void Accept_SpeechBetweenSilences_ReportsPaddedStartAndEndAtTheRightFrames()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 100), (Speech, 50), (Quiet, 100));

        Assert.Equal(2, events.Count);
        var started = events[0];
        Assert.Equal(EndpointEventKind.Started, started.Kind);
        Assert.Equal(100 * Frame, started.SpeechStartSample);
        Assert.Equal((100 * Frame) - (200 * 16), started.StartSample);
        Assert.Equal(120 * Frame, started.DecisionSample);

        var ended = events[1];
        Assert.Equal(EndpointEventKind.Ended, ended.Kind);
        Assert.Equal(UtteranceEndReason.Silence, ended.Reason);
        Assert.Equal(started.StartSample, ended.StartSample);
        Assert.Equal(150 * Frame, ended.SpeechEndSample);
        Assert.Equal((150 * Frame) + (200 * 16), ended.EndSample);
        Assert.Equal((150 + 40) * Frame, ended.DecisionSample);
    }

    [Fact]
    public void Accept_BurstShorterThanMinSpeech_OpensNoUtterance()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 50), (Speech, 19), (Quiet, 100));

        Assert.Empty(events);
    }

    [Fact]
    public void Accept_MinSpeechInterruptedByADip_RestartsTheCount()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Speech, 15), (0.2f, 1), (Speech, 15), (Quiet, 100));

        Assert.Empty(events);
    }

    [Fact]
    public void Accept_ProbabilityBetweenThresholds_NeitherStartsSpeechNorStopsIt()
    {
        var (_, fromSilence) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 10), (Between, 200));
        var (_, duringSpeech) = EndpointerScript.Run(new EndpointerOptions(), (Quiet, 10), (Speech, 30), (Between, 100), (Quiet, 100));

        Assert.Empty(fromSilence);
        Assert.Equal(2, duringSpeech.Count);
        Assert.Equal((10 + 30 + 100) * Frame, duringSpeech[1].SpeechEndSample);
    }

    [Fact]
    public void Accept_ProbabilityBetweenThresholdsAfterSilenceBegan_DoesNotResumeSpeech()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Speech, 30), (Quiet, 10), (Between, 100));

        Assert.Equal(2, events.Count);
        Assert.Equal(30 * Frame, events[1].SpeechEndSample);
        Assert.Equal((30 + 40) * Frame, events[1].DecisionSample);
    }

    [Fact]
    public void Accept_PauseShorterThanEndSilence_KeepsOneUtterance()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Speech, 30), (Quiet, 39), (Speech, 30), (Quiet, 100));

        Assert.Equal(2, events.Count);
        Assert.Equal((30 + 39 + 30) * Frame, events[1].SpeechEndSample);
    }

    [Fact]
    public void Accept_EndSilenceConfigured_EndsAfterThatSilence()
    {
        var options = new EndpointerOptions { EndSilence = TimeSpan.FromMilliseconds(800), PostPadding = TimeSpan.Zero };
        var (_, events) = EndpointerScript.Run(options, (Speech, 30), (Quiet, 60), (Speech, 30), (Quiet, 100));

        Assert.Equal(2, events.Count);
        Assert.Equal(120 * Frame, events[1].SpeechEndSample);
        Assert.Equal(120 * Frame, events[1].EndSample);
        Assert.Equal((120 + 80) * Frame, events[1].DecisionSample);
    }

    [Fact]
    public void Accept_SpeechAtStreamStart_ClampsPrePaddingToZero()
    {
        var (_, events) = EndpointerScript.Run(new EndpointerOptions(), (Speech, 30), (Quiet, 50));

        Assert.Equal(0, events[0].StartSample);
        Assert.Equal(0, events[0].SpeechStartSample);
    }

    [Fact]
    public void Accept_SpeechRightAfterAnUtterance_ClampsPrePaddingToThePreviousEnd()
    {
        var options = new EndpointerOptions { PrePadding = TimeSpan.FromMilliseconds(300) };
        var (_, events) = EndpointerScript.Run(options, (Quiet, 50), (Speech, 30), (Quiet, 40), (Speech, 30), (Quiet, 50));

        Assert.Equal(4, events.Count);
        Assert.Equal((80 * Frame) + (200 * 16), events[1].EndSample);
        Assert.Equal(events[1].EndSample, events[2].StartSample);
        Assert.Equal(120 * Frame, events[2].SpeechStartSample);
    }
}
