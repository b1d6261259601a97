using SpeechCluster.Grains.Interfaces;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Grains.Tests;

/// <summary>The session grain with the real VAD, recognizer, translator and synthesizer in a test cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SessionGrainTests(ClusterFixture fixture)
{
    private static readonly Guid Connection = Guid.NewGuid();

    private static SessionOptions Options(bool partials = true, bool tts = false) => new()
    {
        SpeechLocale = "en-US",
        SourceLanguage = "en",
        Targets = ["es"],
        Partials = partials,
        TextToSpeech = tts,
        InputSampleRate = 16000,
        Tenant = "tests",
    };

    [Fact]
    public async Task PushAudio_SentenceThenSilence_PartialsThenFinalWithTranslation()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var session = fixture.Cluster.GrainFactory.GetGrain<ISessionGrain>($"tests/{Guid.NewGuid():N}");
        await session.StartAsync(Options(tts: true), Connection);
        var reading = ReadAllAsync(session, timeout.Token);

        var audio = TestSpeech.Concat(TestSpeech.Silence(500), TestSpeech.Flite("i would like a cup of coffee"), TestSpeech.Silence(1000));
        foreach (var chunk in audio.Chunk(1600))
        {
            await session.PushAudioAsync(new AudioChunk(chunk));
        }

        await session.CompleteAsync();
        var events = await reading;

        var transcripts = events.OfType<TranscriptEvent>().ToList();
        var final = Assert.Single(transcripts, t => t.IsFinal);
        Assert.True(WordErrorRate.Compute("i would like a cup of coffee", final.Recognition) <= 0.2, final.Recognition);
        Assert.StartsWith("I ", final.Recognition);
        Assert.EndsWith(".", final.Recognition);
        Assert.Contains("caf", Assert.Single(final.Translations));
        Assert.Contains(transcripts, t => !t.IsFinal);
        // One locale: nothing is detected, so no result names a language (v1.0 clients see nothing new).
        Assert.All(transcripts, t => Assert.Null(t.Language));
        Assert.True(transcripts.IndexOf(final) == transcripts.Count - 1, "partials after the final");
        Assert.InRange(final.Span.Offset.TotalSeconds, 0.1, 0.7);
        Assert.NotEmpty(final.Words);
        Assert.All(final.Words, w => Assert.InRange(w.Offset, final.Span.Offset - TimeSpan.FromMilliseconds(100), final.Span.Offset + final.Span.Duration));
        var speech = Assert.Single(events.OfType<SpeechAudioEvent>());
        Assert.Equal("es", speech.Language);
        Assert.Equal("RIFF"u8.ToArray(), speech.Audio[..4]);
        Assert.Equal(events.Select(e => e.Sequence), Enumerable.Range(1, events.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task PushAudio_SilenceOnly_NoResults()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var session = fixture.Cluster.GrainFactory.GetGrain<ISessionGrain>($"tests/{Guid.NewGuid():N}");
        await session.StartAsync(Options(), Connection);
        var reading = ReadAllAsync(session, timeout.Token);

        foreach (var chunk in TestSpeech.Silence(3000).Chunk(1600))
        {
            await session.PushAudioAsync(new AudioChunk(chunk));
        }

        await session.CompleteAsync();

        Assert.Empty(await reading);
    }

    [Fact]
    public async Task Flush_OpenUtterance_FinalisedWithoutWaitingForSilence()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var session = fixture.Cluster.GrainFactory.GetGrain<ISessionGrain>($"tests/{Guid.NewGuid():N}");
        await session.StartAsync(Options(partials: false), Connection);
        var events = new List<SessionEvent>();
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in session.ReadEventsAsync(0, timeout.Token))
                {
                    lock (events)
                    {
                        events.Add(e);
                    }
                }
            }
            catch (EnumerationAbortedException)
            {
                // Abandoning deactivates the session: a reader whose next call arrives after that finds
                // its enumeration gone instead of ended (the gateway stops reading before it abandons).
            }
        });

        foreach (var chunk in TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite("hello world")).Chunk(1600))
        {
            await session.PushAudioAsync(new AudioChunk(chunk));
        }

        await session.FlushAsync();
        while (!events.OfType<TranscriptEvent>().Any(t => t.IsFinal))
        {
            await Task.Delay(50, timeout.Token);
        }

        var final = events.OfType<TranscriptEvent>().Single(t => t.IsFinal);
        Assert.Contains("hello", final.Recognition, StringComparison.OrdinalIgnoreCase);
        await session.AbandonAsync(Connection);
        await reading.WaitAsync(timeout.Token);
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
}
