using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Grains.Tests;

/// <summary>
/// A session whose recognizer is stuck (a decoder kept waiting on a loaded machine) still takes
/// the client's audio in at once, and its final, once the recognizer moves again, was recognized
/// from every sample of the utterance. Before, each audio call waited for the recognizer and, on a
/// loaded machine, timed out (which the gateway took for a lost silo).
/// </summary>
public sealed class BusyRecognizerTests : IAsyncLifetime
{
    private readonly TestCluster _cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<GatedEngines>().Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        GatedRecognizer.Gate.Set();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task PushAudio_RecognizerStuck_AudioCallsEndAndTheFinalHearsTheWholeUtterance()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var session = _cluster.GrainFactory.GetGrain<ISessionGrain>($"tests/{Guid.NewGuid():N}");
        await session.StartAsync(
            new SessionOptions { SpeechLocale = "en-US", SourceLanguage = "en", Targets = ["es"], Partials = true, InputSampleRate = 16000, Tenant = "tests" },
            Guid.NewGuid());
        var reading = ReadAllAsync(session, timeout.Token);
        var speech = TestSpeech.Flite("the quick brown fox jumps over the lazy dog");

        foreach (var chunk in TestSpeech.Concat(TestSpeech.Silence(300), speech, TestSpeech.Silence(1500)).Chunk(1600))
        {
            // At the pace of speech (a live speaker). The recognizer does not move until the gate
            // opens: a call that waited for it would never end.
            await Task.WhenAll(session.PushAudioAsync(new AudioChunk(chunk)).WaitAsync(TimeSpan.FromSeconds(30)), Task.Delay(100));
        }

        Assert.True(GatedRecognizer.Waiting > 0, "the recognizer was never asked while the audio went in");
        GatedRecognizer.Gate.Set();
        await session.CompleteAsync().WaitAsync(timeout.Token);
        var events = await reading;

        var transcripts = events.OfType<TranscriptEvent>().ToList();
        var final = Assert.Single(transcripts, t => t.IsFinal);
        Assert.Contains("heard", final.Recognition, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(transcripts.Count - 1, transcripts.IndexOf(final));
        // Every sample of the utterance, once: at least its span, and no more than the whole stream.
        var heard = GatedRecognizer.HeardAtFinish;
        Assert.InRange(heard, (long)(final.Span.Duration.TotalSeconds * 16000), 300 * 16 + speech.Length + (1500 * 16));
        Assert.True(heard >= speech.Length * 0.8, $"the recognizer heard {heard} samples of a {speech.Length}-sample sentence");
        // The backlog went in pieces of at most 1 s, each decoded well within a call's timeout.
        Assert.InRange(GatedRecognizer.LargestCall, 1, 16_000);
    }

    private static async Task<List<SessionEvent>> ReadAllAsync(ISessionGrain session, CancellationToken cancellationToken)
    {
        var events = new List<SessionEvent>();
        await foreach (var e in session.ReadEventsAsync(0, cancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    private sealed class GatedEngines : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .ConfigureServices(services => services.AddSingleton<ISpeechRecognizer, GatedRecognizer>())
            .AddSpeechClusterGrains(new ConfigurationBuilder().Build());
    }

    /// <summary>An English recognizer whose every decode waits for <see cref="Gate"/>; it reports how much it heard.</summary>
    private sealed class GatedRecognizer : ISpeechRecognizer
    {
        public static readonly ManualResetEventSlim Gate = new();
        private static long _waiting;
        private static long _heardAtFinish;
        private static long _largestCall;

        public static long Waiting => Interlocked.Read(ref _waiting);

        public static long HeardAtFinish => Interlocked.Read(ref _heardAtFinish);

        public static long LargestCall => Interlocked.Read(ref _largestCall);

        public string Locale => "en-US";

        public string Model => "gated";

        public IRecognitionStream OpenStream() => new Stream();

        public ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default) => new(new Stream());

        public void Dispose()
        {
        }

        private sealed class Stream : IRecognitionStream
        {
            private long _heard;

            public string AcceptAudio(ReadOnlySpan<short> samples)
            {
                Interlocked.Increment(ref _waiting);
                Gate.Wait(TimeSpan.FromMinutes(2));
                _heard += samples.Length;
                var largest = Interlocked.Read(ref _largestCall);
                while (samples.Length > largest && Interlocked.CompareExchange(ref _largestCall, samples.Length, largest) != largest)
                {
                    largest = Interlocked.Read(ref _largestCall);
                }

                return "heard";
            }

            public RecognitionResult Finish()
            {
                Interlocked.Exchange(ref _heardAtFinish, _heard);
                return new RecognitionResult("heard it all", []);
            }

            public void Dispose()
            {
            }
        }
    }
}
