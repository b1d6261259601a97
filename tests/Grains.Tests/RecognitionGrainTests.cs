using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.Grains.Session;
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

    [Fact]
    public async Task Replaced_by_a_retry_it_gives_its_decoder_back_at_once()
    {
        // A session retries an utterance on a new recognizer when the old one missed a call (an
        // expired message on a loaded silo); the old activation is still alive and holds a decoder.
        var pool = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services
            .GetRequiredService<RecognizerDirectory>().All.OfType<PocketSphinxRecognizer>().Single();
        var key = $"tests/{Guid.NewGuid():N}/0";
        var replaced = fixture.Cluster.GrainFactory.GetGrain<IRecognitionGrain>($"{key}/0");
        await replaced.AcceptAsync("en-US", 0, TestSpeech.Flite("where is the train station")[..8000]);
        var leased = pool.DecodersLeased;
        var utterance = new OpenUtterance(0, 0, replaced);

        utterance.Retry(attempt => fixture.Cluster.GrainFactory.GetGrain<IRecognitionGrain>($"{key}/{attempt}"));

        // Without the release it would be held until the activation is collected (2 minutes idle).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (pool.DecodersLeased >= leased && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(leased - 1, pool.DecodersLeased);
    }
}
