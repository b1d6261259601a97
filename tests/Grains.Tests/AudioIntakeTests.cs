using SpeechCluster.Grains.Session;

namespace SpeechCluster.Grains.Tests;

public sealed class AudioIntakeTests
{
    [Fact]
    public void Accept_16kHzInOddChunks_HandsOutWholeFramesInStreamOrder()
    {
        var intake = new AudioIntake(16000, 512, TimeSpan.FromSeconds(1));
        var input = Enumerable.Range(0, 5000).Select(i => (short)i).ToArray();
        var frames = new List<short>();

        foreach (var chunk in input.Chunk(333))
        {
            var (taken, start) = intake.Accept(chunk);
            Assert.Equal(frames.Count, start);
            Assert.Equal(0, taken.Length % 512);
            frames.AddRange(taken);
        }

        Assert.Equal(input.Take(frames.Count), frames);
        Assert.Equal(5000 / 512 * 512, intake.Position);
        Assert.Equal(input.Skip(frames.Count), intake.TakeRemainder());
    }

    [Fact]
    public void Accept_8kHz_ResampledToTwiceTheSamples()
    {
        var intake = new AudioIntake(8000, 512, TimeSpan.FromSeconds(1));
        var second = Enumerable.Range(0, 8000).Select(i => (short)(10000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray();

        var total = 0;
        foreach (var chunk in second.Chunk(800))
        {
            total += intake.Accept(chunk).Frames.Length;
        }

        total += intake.TakeRemainder().Length;
        Assert.InRange(total, 15900, 16000);
    }

    [Fact]
    public void Recent_ReturnsRememberedAudioOnlyWithinHistory()
    {
        var intake = new AudioIntake(16000, 512, TimeSpan.FromSeconds(0.1));
        var input = Enumerable.Range(0, 4096).Select(i => (short)i).ToArray();
        intake.Accept(input);

        Assert.Equal(input[3000..3500], intake.Recent(3000, 3500));
        // 0.1 s of history is 1600 samples: older audio is gone.
        Assert.Equal(input[(4096 - 1600)..], intake.Recent(0, 4096));
    }

    [Fact]
    public void Accept_LessThanAFrame_HandsOutNothingUntilTheFrameIsWhole()
    {
        var intake = new AudioIntake(16000, 512, TimeSpan.FromSeconds(1));
        var input = Enumerable.Range(0, 600).Select(i => (short)i).ToArray();

        var (none, start) = intake.Accept(input.AsSpan(0, 300));
        var (frame, frameStart) = intake.Accept(input.AsSpan(300));

        Assert.Empty(none);
        Assert.Equal(0, start);
        Assert.Equal(input[..512], frame);
        Assert.Equal(0, frameStart);
        Assert.Equal(input[512..], intake.TakeRemainder());
    }

    [Fact]
    public void Recent_AfterChunksLongerThanTheHistory_ReturnsTheNewestSamplesInOrder()
    {
        // 1600 samples of history, fed 5000 at a time, so the ring wraps inside each chunk.
        var intake = new AudioIntake(16000, 512, TimeSpan.FromSeconds(0.1));
        var input = Enumerable.Range(0, 20480).Select(i => (short)(i * 7)).ToArray();

        foreach (var chunk in input.Chunk(5000))
        {
            intake.Accept(chunk);
        }

        var end = intake.Position;
        Assert.Equal(input[(int)(end - 1600)..(int)end], intake.Recent(0, end));
        Assert.Equal(input[(int)(end - 1000)..(int)(end - 200)], intake.Recent(end - 1000, end - 200));
        Assert.Empty(intake.Recent(end, end + 100));
    }

    [Fact]
    public void Accept_MessagesLongerThanTheHistory_GrowItToReachBeforeTheirFrames()
    {
        // 0.1 s of history, but a start may lie 4,000 samples before any frame: 1 s and 2 s messages grow it.
        var intake = new AudioIntake(16000, 512, TimeSpan.FromSeconds(0.1), reach: 4000);
        var input = Enumerable.Range(0, 48000).Select(i => (short)(i % 30000)).ToArray();

        intake.Accept(input[..16000]);
        var (frames, start) = intake.Accept(input[16000..]);

        var lastFrame = start + frames.Length - 512;
        Assert.Equal(input[(int)(start - 4000)..(int)lastFrame], intake.Recent(start - 4000, lastFrame));
        Assert.InRange(intake.HistoryLength, frames.Length + 4000, frames.Length + 4000);
    }

    [Fact]
    public void Accept_ShortMessages_KeepTheHistoryAsLong()
    {
        var intake = new AudioIntake(16000, 512, TimeSpan.FromSeconds(1), reach: 7000);
        foreach (var chunk in new short[48000].Chunk(1600))
        {
            intake.Accept(chunk);
        }

        Assert.Equal(16000, intake.HistoryLength);
    }
}
