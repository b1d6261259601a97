using SpeechCluster.Engines.Neural.Batching;
using SpeechCluster.Engines.Neural.Whisper;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

/// <summary>
/// Decodes of many streams gathered into batches. The contract decoder computes each row from its
/// own input ids and caches, so a row that got another row's audio, prompt, cache or guard, or was
/// stopped with another row, would give a text other than the one it gets alone.
/// </summary>
public sealed class WhisperBatchingTests
{
    private static readonly WhisperDecodeLimits Limits = new(50);
    private static readonly WhisperOptions Options = new() { PartialInterval = TimeSpan.FromMilliseconds(500) };

    // Every decode its own batch: what a request gives alone.
    private static readonly RequestBatcherOptions Alone = new() { MaxBatchSize = 1 };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_of_different_audio_silence_languages_and_detections_gives_each_request_what_it_gets_alone(bool merged)
    {
        const string text = "hola qué tal estás";
        const string english = "how are you";
        using var directory = new ContractModelDirectory(text, language: "es", merged: merged, otherTexts: new Dictionary<string, string> { ["en"] = english });
        Func<WhisperModel, string>[] decodes =
        [
            model => model.Transcribe(Loud(3), model.Prompt("es"), Limits),
            model => model.Transcribe(Loud(0.5), model.Prompt("es"), Limits),
            model => model.Transcribe(Loud(1.2), model.Prompt("es"), Limits),
            model => model.Transcribe(new float[16000], model.Prompt("es"), Limits),
            model => model.Transcribe(Loud(2), model.Prompt("fr"), Limits),
            model => model.Transcribe(Loud(2.5), model.Prompt("en"), Limits),
            model => Detected(model.DetectAndTranscribe(Loud(0.8), ["en", "es"], Limits)),
            model => Detected(model.DetectAndTranscribe(Loud(2.5), ["es", "en"], Limits)),
        ];
        using var alone = directory.Load(Alone);
        var expected = decodes.Select(decode => decode(alone)).ToArray();
        using var batched = directory.Load(FullBatchesOf(decodes.Length));

        var results = await OnThreads(decodes.Select(decode => (Func<string>)(() => decode(batched))));

        Assert.Equal(expected, results);
        Assert.Equal(1, batched.BatchesRun);
        Assert.Equal(decodes.Length, alone.BatchesRun);
        // Alone, each is what the contract says: a prefix of its language's text as long as its loud
        // audio, nothing for silence, '#' (once: the repetition guard) for a language it does not know.
        Assert.Equal(text, expected[0]);
        Assert.StartsWith("hola", expected[1]);
        Assert.StartsWith(expected[1], expected[2]);
        Assert.NotEqual(expected[1], expected[2]);
        Assert.Equal("", expected[3]);
        Assert.Equal("#", expected[4]);
        Assert.Equal(english, expected[5]);
        Assert.StartsWith("1:hola", expected[6]);
        Assert.StartsWith("0:hola qué tal", expected[7]);
        Assert.Equal(decodes.Length, expected.Distinct().Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_row_that_loops_is_cut_alone_and_every_row_keeps_its_own_limits(bool merged)
    {
        using var directory = new ContractModelDirectory("yo digo", loop: " sí", merged: merged);
        Func<WhisperModel, string>[] decodes =
        [
            // 4 s allow 40 tokens; the loop is cut when it comes a fifth time, keeping one copy.
            model => model.Transcribe(Loud(4), model.Prompt("es"), Limits),
            // The same audio with a guard allowing more repeats than 40 tokens hold: it goes on after the first row is cut.
            model => model.Transcribe(Loud(4), model.Prompt("es"), Limits with { RepetitionLimit = 20 }),
            // Its own token budget.
            model => model.Transcribe(Loud(4), model.Prompt("es"), new WhisperDecodeLimits(9, RepetitionLimit: 20)),
            // Too little audio to reach the loop.
            model => model.Transcribe(Loud(0.5), model.Prompt("es"), Limits),
        ];
        using var alone = directory.Load(Alone);
        var expected = decodes.Select(decode => decode(alone)).ToArray();
        using var batched = directory.Load(FullBatchesOf(decodes.Length));

        var results = await OnThreads(decodes.Select(decode => (Func<string>)(() => decode(batched))));

        Assert.Equal(expected, results);
        Assert.Equal(1, batched.BatchesRun);
        Assert.Equal("yo digo sí", expected[0]);
        Assert.StartsWith("yo digo sí sí sí sí sí sí", expected[1]);
        Assert.Equal("yo digo s", expected[2]);
        Assert.StartsWith("yo di", expected[3]);
        Assert.DoesNotContain("sí", expected[3]);
    }

    [Fact]
    public async Task Streams_of_many_conversations_decoding_at_once_run_as_fewer_batches_than_decodes()
    {
        const string text = "hola qué tal";
        const int conversations = 6;
        using var directory = new ContractModelDirectory(text);
        // A window generous enough for all the threads to reach the model within it on a busy machine.
        using var model = directory.Load(new RequestBatcherOptions { Window = TimeSpan.FromMilliseconds(500), MaxBatchSize = 16 });
        using var recognizer = new WhisperRecognizer(model, "es-ES", Options);
        using var together = new Barrier(conversations);

        var results = await OnThreads(Enumerable.Range(0, conversations).Select(_ => (Func<(string Partial, string Final)>)(() =>
        {
            using var stream = recognizer.OpenStream();
            together.SignalAndWait();
            var partial = stream.AcceptAudio(ContractModelDirectory.Tone(2));
            return (partial, stream.Finish().Text);
        })));

        Assert.All(results, result => Assert.Equal((text, text), result));
        // A partial and a final each per stream: 12 decodes, at least 2 batches (a stream's final follows its partial).
        Assert.InRange(model.BatchesRun, 2, conversations);
    }

    // A window far longer than the tests: a batch closes because it is full, not by time.
    private static RequestBatcherOptions FullBatchesOf(int size) => new() { Window = TimeSpan.FromMinutes(1), MaxBatchSize = size };

    /// <summary>Runs each call on a thread of its own, all at once, as the grains of many conversations do.</summary>
    private static Task<T[]> OnThreads<T>(IEnumerable<Func<T>> calls) =>
        Task.WhenAll(calls.Select(call => Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

    private static string Detected((int Language, string Text) result) => $"{result.Language}:{result.Text}";

    private static float[] Loud(double seconds) => ContractModelDirectory.Tone(seconds).Select(sample => sample / 32768f).ToArray();
}
