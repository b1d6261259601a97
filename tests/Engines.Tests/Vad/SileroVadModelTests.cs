using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Vad;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Vad;

public sealed class SileroVadModelTests(SileroModelFixture fixture) : IClassFixture<SileroModelFixture>
{
    private static readonly short[] Sentence = TestSpeech.Flite("Please call Stella and ask her to bring these things.");

    private SileroVadModel Model => fixture.Model;

    [Fact]
    public void Score_SpeechAndSilence_SpeechScoresHighAndSilenceLow()
    {
        var probabilities = VadAudio.Score(Model, TestSpeech.Concat(TestSpeech.Silence(1000), Sentence, TestSpeech.Silence(1000)));

        Assert.True(probabilities.Take(25).Max() < 0.1f);
        Assert.True(probabilities.TakeLast(25).Max() < 0.1f);
        Assert.True(probabilities.Count(p => p > 0.9f) > Sentence.Length / 512 / 2);
    }

    [Fact]
    public void Score_OneFramePerCallOrSevenPerCall_GivesTheSameProbabilities()
    {
        var stream = TestSpeech.Concat(TestSpeech.Silence(300), Sentence, TestSpeech.Silence(300));

        var oneByOne = VadAudio.Score(Model, stream, framesPerCall: 1);
        var sevens = VadAudio.Score(Model, stream, framesPerCall: 7);

        Assert.Equal(oneByOne, sevens);
    }

    [Fact]
    public void Score_FreshStateForEveryFrame_DiffersFromTheCarriedState()
    {
        var frames = VadAudio.Score(Model, Sentence);
        var fresh = new float[frames.Length];
        var audio = Sentence.Select(s => s / 32768f).ToArray();
        for (var i = 0; i < fresh.Length && (i + 1) * 512 <= audio.Length; i++)
        {
            Model.Score(audio.AsSpan(i * 512, 512), new VadStreamState(), fresh.AsSpan(i, 1));
        }

        var largestDifference = frames.Zip(fresh, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(largestDifference > 0.3f, $"largest difference {largestDifference}");
    }

    [Fact]
    public void Score_ManyStreamsInParallel_EqualsScoringThemOneAfterAnother()
    {
        var streams = Enumerable.Range(0, 6)
            .Select(i => TestSpeech.Concat(TestSpeech.Silence(100 * i), Sentence, VadAudio.WhiteNoise(300, 500, seed: i)))
            .ToArray();
        var sequential = streams.Select(s => VadAudio.Score(Model, s, framesPerCall: 3)).ToArray();

        var parallel = new float[streams.Length][];
        Parallel.For(0, streams.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i => parallel[i] = VadAudio.Score(Model, streams[i], framesPerCall: 1));

        for (var i = 0; i < streams.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    [Fact]
    public void Score_AfterWarmUp_AllocatesNoManagedMemory()
    {
        var audio = Sentence.Take(512 * 20).Select(s => s / 32768f).ToArray();
        var probabilities = new float[20];
        var state = new VadStreamState();
        Model.Score(audio, state, probabilities);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Model.Score(audio, state, probabilities);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Score_SamplesNotMatchingTheFrameCount_Throws()
    {
        var probabilities = new float[2];

        Assert.Throws<ArgumentException>(() => Model.Score(new float[1000], new VadStreamState(), probabilities));
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsFileNotFound()
    {
        var options = Options.Create(new SileroVadOptions { ModelPath = "/nonexistent/silero_vad.onnx" });

        Assert.Throws<FileNotFoundException>(() => new SileroVadModel(options, NullLogger<SileroVadModel>.Instance));
    }

    [Fact]
    public void Score_AfterDispose_Throws()
    {
        var options = Options.Create(new SileroVadOptions { ModelPath = SileroModelFixture.FindModel() });
        var model = new SileroVadModel(options, NullLogger<SileroVadModel>.Instance);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Score(new float[512], new VadStreamState(), new float[1]));
    }
}
