using SpeechCluster.Engines.Vad;
using SpeechCluster.TestSupport;
using Xunit.Abstractions;

namespace SpeechCluster.Engines.Tests.Vad;

/// <summary>Silero and the endpointer together on real and synthesized speech.</summary>
public sealed class VoiceActivityDetectionTests(SileroModelFixture fixture, ITestOutputHelper output) : IClassFixture<SileroModelFixture>
{
    private const int Tolerance = 150 * VadAudio.SamplesPerMillisecond;

    private SileroVadModel Model => fixture.Model;

    [Theory]
    [InlineData("slt", "The quick brown fox jumps over the lazy dog.", "Please call Stella and ask her to bring these things with her from the store.")]
    [InlineData("rms", "I would like a cup of coffee with milk.", "Where is the nearest train station?")]
    [InlineData("awb", "Turn left at the second traffic light.", "We will meet again tomorrow morning at nine.")]
    public void TwoSentencesBetweenPauses_YieldTwoUtterancesAtTheSpeechBoundaries(string voice, string first, string second)
    {
        var a = TestSpeech.Flite(first, voice);
        var b = TestSpeech.Flite(second, voice);
        var stream = TestSpeech.Concat(TestSpeech.Silence(1000), a, TestSpeech.Silence(1500), b, TestSpeech.Silence(1000));
        var aOffset = 1000 * VadAudio.SamplesPerMillisecond;
        var bOffset = aOffset + a.Length + (1500 * VadAudio.SamplesPerMillisecond);
        var (aStart, aEnd) = VadAudio.SpeechBounds(a);
        var (bStart, bEnd) = VadAudio.SpeechBounds(b);
        long[][] truth = [[aOffset + aStart, aOffset + aEnd], [bOffset + bStart, bOffset + bEnd]];

        var events = VadAudio.Endpoint(VadAudio.Score(Model, stream), Model.FrameSamples);

        var ends = events.Where(e => e.Kind == EndpointEventKind.Ended).ToList();
        Assert.Equal(2, ends.Count);
        Assert.Equal(4, events.Count);
        for (var i = 0; i < 2; i++)
        {
            var (start, end) = (truth[i][0], truth[i][1]);
            output.WriteLine($"{voice} #{i}: speech start {VadAudio.Milliseconds(ends[i].SpeechStartSample - start):+0;-0} ms, " +
                $"speech end {VadAudio.Milliseconds(ends[i].SpeechEndSample - end):+0;-0} ms, end decided {VadAudio.Milliseconds(ends[i].DecisionSample - end):F0} ms after");
            Assert.Equal(UtteranceEndReason.Silence, ends[i].Reason);
            Assert.InRange(ends[i].SpeechStartSample, start - Tolerance, start + Tolerance);
            Assert.InRange(ends[i].SpeechEndSample, end - Tolerance, end + Tolerance);

            // With padding, the utterance holds all of the speech.
            Assert.InRange(ends[i].StartSample, start - Tolerance - (200 * 16), start);
            Assert.InRange(ends[i].EndSample, end, end + Tolerance + (200 * 16));
        }
    }

    [Fact]
    public void LibriVoxRecordings_EachYieldSpeechCoveringMostOfIt()
    {
        Assert.Equal(5, TestSpeech.LibriVox.Count);
        foreach (var recording in TestSpeech.LibriVox)
        {
            var samples = recording.Samples;

            var events = VadAudio.Endpoint(VadAudio.Score(Model, samples), Model.FrameSamples);

            var covered = events.Where(e => e.Kind == EndpointEventKind.Ended).Sum(e => e.EndSample - e.StartSample);
            output.WriteLine($"{recording.Id}: {events.Count / 2} utterance(s) covering {100.0 * covered / samples.Length:F0}%");
            Assert.NotEmpty(events);
            Assert.True(covered > samples.Length * 0.8, $"{recording.Id}: utterances cover {covered} of {samples.Length} samples");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(600)]
    public void SilenceOrLowLevelNoise_YieldsNoUtterance(short noiseAmplitude)
    {
        var stream = noiseAmplitude == 0 ? TestSpeech.Silence(5000) : VadAudio.WhiteNoise(5000, noiseAmplitude);

        var probabilities = VadAudio.Score(Model, stream);

        Assert.Empty(VadAudio.Endpoint(probabilities, Model.FrameSamples));
        Assert.True(probabilities.Max() < 0.35f, $"highest probability {probabilities.Max()}");
    }

    [Fact]
    public void ContinuousSpeechOfTwentySeconds_IsCutAtTheMaximumLength()
    {
        // Real speech trimmed of each clip's leading and trailing quiet, joined without gaps.
        var pieces = new List<short[]>();
        var total = 0;
        foreach (var recording in TestSpeech.LibriVox.Concat(TestSpeech.LibriVox))
        {
            var samples = recording.Samples;
            var (start, end) = VadAudio.SpeechBounds(samples, threshold: 2000);
            pieces.Add(samples[start..end]);
            total += end - start;
            if (total >= 20 * 16000)
            {
                break;
            }
        }

        var events = VadAudio.Endpoint(VadAudio.Score(Model, TestSpeech.Concat([.. pieces])), Model.FrameSamples);

        var cut = Assert.Single(events, e => e.Reason == UtteranceEndReason.MaxLength);
        var cutIndex = events.IndexOf(cut);
        Assert.Equal(15 * 16000, cut.EndSample - cut.StartSample, tolerance: Model.FrameSamples);
        Assert.Equal(EndpointEventKind.Started, events[cutIndex + 1].Kind);
        Assert.Equal(cut.EndSample, events[cutIndex + 1].StartSample);
    }

    [Fact]
    public void ForceEnd_InTheMiddleOfASentence_EndsTheOpenUtterance()
    {
        var sentence = TestSpeech.Flite("This sentence is interrupted by the end of the stream before it finishes.");
        var stream = TestSpeech.Concat(TestSpeech.Silence(500), sentence[..(sentence.Length / 2)]);
        var endpointer = new Endpointer(new EndpointerOptions(), Model.FrameSamples);
        var events = new List<EndpointEvent>();

        endpointer.Accept(VadAudio.Score(Model, stream), events);
        Assert.True(endpointer.InUtterance);
        Assert.True(endpointer.ForceEnd(events));

        Assert.Equal(2, events.Count);
        Assert.Equal(UtteranceEndReason.Forced, events[1].Reason);
        Assert.Equal(endpointer.Position, events[1].DecisionSample);
        Assert.InRange(events[1].EndSample, endpointer.Position - (200 * 16), endpointer.Position);
    }

    [Fact]
    public void PcmArrivingInOddPieces_ScoresLikeTheWholeStream()
    {
        var stream = TestSpeech.Concat(TestSpeech.Silence(700), TestSpeech.Flite("Pieces of any size."), TestSpeech.Silence(700));
        var expected = VadAudio.Score(Model, stream[..(stream.Length / 512 * 512)]);
        var accumulator = new VadFrameAccumulator(Model.FrameSamples);
        var state = new VadStreamState();
        var probabilities = new List<float>();
        var bytes = TestSpeech.ToBytes(stream);
        var buffer = new float[64];
        for (var offset = 0; offset < bytes.Length; offset += 3202)
        {
            accumulator.Append(bytes.AsSpan(offset, Math.Min(3202, bytes.Length - offset)));
            var frames = accumulator.TakeFrames();
            var count = frames.Length / Model.FrameSamples;
            Model.Score(frames, state, buffer.AsSpan(0, count));
            probabilities.AddRange(buffer.Take(count));
        }

        Assert.Equal(expected, probabilities);
    }
}
