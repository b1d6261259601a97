using SpeechCluster.Engines.Recognition;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Recognition;

/// <summary>Recognition quality on real and synthesized speech, streamed as the session streams it.</summary>
public sealed class PocketSphinxQualityTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    /// <summary>
    /// Bound from measurement (bench/AsrEval, 2026-11-25, default settings): these five recordings
    /// came out at 29.6% corpus WER (21 errors in 71 words), 18-38% per recording; a whole-utterance
    /// batch decode gives about the same. 35% allows about four more errors (another library build,
    /// a different decoder history); losing the word stream or the audio order lands far above.
    /// </summary>
    private const double LibriVoxWerBound = 0.35;

    [Fact]
    public void Finish_LibriVoxRecordingsIn100MsChunks_CorpusWerWithinBound()
    {
        Assert.Equal(5, TestSpeech.LibriVox.Count);
        var pairs = new List<(string, string)>();
        foreach (var recording in TestSpeech.LibriVox)
        {
            using var stream = fixture.Recognizer.OpenStream();
            var (final, _) = Streaming.Recognize(stream, recording.Samples);
            pairs.Add((recording.Transcript, final.Text));
        }

        var wer = WordErrorRate.Compute(pairs);
        Assert.True(wer <= LibriVoxWerBound, $"corpus WER {wer:P1}: " + string.Join(" | ", pairs.Select(p => p.Item2)));
    }

    [Theory]
    [InlineData("the weather is nice today and we are going to the park")]
    [InlineData("can you tell me how to get to the train station")]
    public void Finish_FliteSentence_RecognizedNearlyPerfectly(string sentence)
    {
        using var stream = fixture.Recognizer.OpenStream();
        var (final, _) = Streaming.Recognize(stream, TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite(sentence)));

        var wer = WordErrorRate.Compute(sentence, final.Text);
        Assert.True(wer <= 0.10, $"WER {wer:P0}: \"{final.Text}\"");
    }

    [Fact]
    public void Finish_CatchUpPassEnabled_FliteSentenceRecognizedNearlyPerfectly()
    {
        const string Sentence = "can you tell me how to get to the train station";
        using var recognizer = RecognizerFixture.Create(new PocketSphinxOptions { MaxDecoders = 2, CatchUpPass = true });
        using var stream = recognizer.OpenStream();
        var (final, _) = Streaming.Recognize(stream, TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite(Sentence)));

        Assert.True(WordErrorRate.Compute(Sentence, final.Text) <= 0.10, final.Text);
        Assert.Equal(2, recognizer.DecodersCreated);
    }

    [Fact]
    public void AcceptAudio_RealSpeech_PartialsAppearBeforeFinishAndGrow()
    {
        var recording = TestSpeech.LibriVox[0];
        using var stream = fixture.Recognizer.OpenStream();
        var (final, partials) = Streaming.Recognize(stream, recording.Samples);

        var nonEmpty = partials.Where(p => p.Length > 0).ToList();
        Assert.True(nonEmpty.Count >= 10, $"only {nonEmpty.Count} non-empty partials");
        var firstWords = WordErrorRate.Words(nonEmpty[0]).Length;
        var lastWords = WordErrorRate.Words(nonEmpty[^1]).Length;
        Assert.True(lastWords >= firstWords + 10, $"partials grew from {firstWords} to {lastWords} words");
        Assert.True(partials.Distinct().Count() >= 5);
        Assert.NotEmpty(final.Text);
    }

    [Fact]
    public void Finish_SpeechBetweenSilences_WordTimingsOrderedInsideAudioAndOnTheSpeech()
    {
        var speech = TestSpeech.Flite("the weather is nice today and we are going to the park");
        var lead = TestSpeech.Silence(1000);
        using var stream = fixture.Recognizer.OpenStream();
        var (final, _) = Streaming.Recognize(stream, TestSpeech.Concat(lead, speech), trailingSilenceMs: 1000);

        var speechStart = TimeSpan.FromSeconds(lead.Length / 16000.0);
        var speechEnd = speechStart + TimeSpan.FromSeconds(speech.Length / 16000.0);
        var audioEnd = speechEnd + TimeSpan.FromSeconds(1);
        var described = string.Join(", ", final.Words.Select(w => $"{w.Word} {w.Offset.TotalSeconds:F2}+{w.Duration.TotalSeconds:F2}"));
        Assert.True(final.Words.Count >= 10, $"{final.Words.Count} words: {described}");
        Assert.Equal(final.Text, string.Join(' ', final.Words.Select(w => w.Word)));
        for (var i = 0; i < final.Words.Count; i++)
        {
            var word = final.Words[i];
            Assert.True(word.Duration > TimeSpan.Zero);
            Assert.True(word.Offset + word.Duration <= audioEnd, $"audio ends at {audioEnd.TotalSeconds:F2} s: {described}");
            if (i > 0)
            {
                Assert.True(word.Offset >= final.Words[i - 1].Offset + final.Words[i - 1].Duration, $"word {i} overlaps the one before");
            }
        }

        // Flite leaves a little silence of its own around the words: allow 300 ms either side.
        var slack = TimeSpan.FromMilliseconds(300);
        Assert.InRange(final.Words[0].Offset, speechStart - slack, speechStart + slack + TimeSpan.FromMilliseconds(200));
        var last = final.Words[^1];
        Assert.InRange(last.Offset + last.Duration, speechEnd - slack - TimeSpan.FromMilliseconds(200), speechEnd + slack);
    }

    [Fact]
    public async Task Finish_TwoStreamsOnTwoThreads_BothRecognizedCorrectly()
    {
        string[] sentences =
        [
            "the weather is nice today and we are going to the park",
            "can you tell me how to get to the train station",
        ];
        var audio = sentences.Select(s => TestSpeech.Concat(TestSpeech.Silence(300), TestSpeech.Flite(s))).ToArray();

        var results = await Task.WhenAll(audio.Select(samples => Task.Run(() =>
        {
            using var stream = fixture.Recognizer.OpenStream();
            return Streaming.Recognize(stream, samples).Final.Text;
        })));

        for (var i = 0; i < sentences.Length; i++)
        {
            var wer = WordErrorRate.Compute(sentences[i], results[i]);
            Assert.True(wer <= 0.10, $"stream {i}: WER {wer:P0}: \"{results[i]}\"");
        }
    }
}
