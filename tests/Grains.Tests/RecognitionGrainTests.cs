using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Grains.Tests;

/// <summary>A recognizer answers only for audio that continues what it has heard.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RecognitionGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task FreshActivation_AskedToContinueAnUtterance_SaysItHasNotHeardIt()
    {
        // What a session sees after the recognizer's silo stopped: the next call makes a new activation.
        var recognizer = fixture.Cluster.GrainFactory.GetGrain<IRecognitionGrain>($"tests/{Guid.NewGuid():N}/0/0");
        var speech = TestSpeech.Flite("where is the train station");

        Assert.Null(await recognizer.AcceptAsync("en-US", 16_000, speech[..8000]));
        Assert.Null(await recognizer.FinishAsync(16_000));
    }

    [Fact]
    public async Task WholeUtteranceInOrder_IsRecognized_AndAMismatchedFinishIsRefused()
    {
        var recognizer = fixture.Cluster.GrainFactory.GetGrain<IRecognitionGrain>($"tests/{Guid.NewGuid():N}/0/0");
        var speech = TestSpeech.Concat(TestSpeech.Flite("where is the train station"), TestSpeech.Silence(300));
        var half = speech.Length / 2;

        Assert.NotNull(await recognizer.AcceptAsync("en-US", 0, speech[..half]));
        Assert.NotNull(await recognizer.AcceptAsync("en-US", half, speech[half..]));
        Assert.Null(await recognizer.FinishAsync(half));
        var outcome = await recognizer.FinishAsync(speech.Length);

        Assert.NotNull(outcome);
        Assert.True(WordErrorRate.Compute("where is the train station", outcome.Text) <= 0.4, outcome.Text);
    }
}
