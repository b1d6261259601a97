using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces.Workers;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Grains.Tests;

/// <summary>
/// A recognizer cancelled while its call waits for a decoder (every one is leased) stops waiting:
/// the cancel is not queued behind that call, where it would expire unrun with its caller's timeout.
/// </summary>
public sealed class RecognitionCancelTests(RecognitionCancelTests.OneDecoderCluster fixture) : IClassFixture<RecognitionCancelTests.OneDecoderCluster>
{
    [Fact]
    public async Task Cancelled_while_waiting_for_a_decoder_it_never_takes_one()
    {
        var pool = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services
            .GetRequiredService<RecognizerDirectory>().All.OfType<PocketSphinxRecognizer>().Single();
        var audio = TestSpeech.Flite("where is the train station")[..8000];
        var holder = fixture.Cluster.GrainFactory.GetGrain<IRecognitionGrain>($"tests/{Guid.NewGuid():N}/0/0");
        var waiter = fixture.Cluster.GrainFactory.GetGrain<IRecognitionGrain>($"tests/{Guid.NewGuid():N}/0/0");
        // The only decoder is loaded first (the silo's own warm-up may be loading it): on a loaded machine that
        // takes longer than the holder's call may wait.
        await pool.WarmUpAsync();
        using (var loading = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (pool.DecodersCreated == 0)
            {
                await Task.Delay(50, loading.Token);
            }
        }

        await holder.AcceptAsync("en-US", 0, audio);
        Assert.Equal(1, pool.DecodersLeased);

        // The waiter's call blocks on the pool; its answer (null, or a timeout) does not matter here.
        var waiting = waiter.AcceptAsync("en-US", 0, audio);
        // Time for the call to reach the grain and block; a cancel that came first would prove nothing.
        await Task.Delay(500);
        await waiter.CancelAsync();
        await holder.CancelAsync();
        await waiting.ContinueWith(_ => { }, TaskScheduler.Default);

        // Had the waiter taken the decoder the holder gave back, it would keep it until collected.
        Assert.Equal(0, pool.DecodersLeased);
    }

    /// <summary>A one-silo cluster whose recognizer pool has a single decoder.</summary>
    public sealed class OneDecoderCluster : IAsyncLifetime
    {
        public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<OneDecoder>().Build();

        public Task InitializeAsync() => Cluster.DeployAsync();

        public async Task DisposeAsync() => await Cluster.DisposeAsync();

        private sealed class OneDecoder : ISiloConfigurator
        {
            public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddSpeechClusterGrains(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"{PocketSphinxOptions.SectionName}:MaxDecoders"] = "1" })
                .Build());
        }
    }
}
