using SpeechCluster.Engines.Vad;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Vad;

public sealed class VadFrameAccumulatorTests
{
    [Fact]
    public void TakeFrames_PiecesOfAnySize_YieldWholeFramesInOrderAndKeepTheRemainder()
    {
        var samples = Enumerable.Range(0, 5000).Select(i => (short)((i * 37 % 65536) - 32768)).ToArray();
        var accumulator = new VadFrameAccumulator(512);
        var taken = new List<float>();
        var position = 0;
        foreach (var size in new[] { 1, 511, 700, 3, 1200, 2585 })
        {
            accumulator.Append(samples.AsSpan(position, size));
            position += size;
            var frames = accumulator.TakeFrames();
            Assert.Equal(0, frames.Length % 512);
            taken.AddRange(frames.ToArray());
        }

        Assert.Equal(5000 / 512 * 512, taken.Count);
        Assert.Equal(5000 % 512, accumulator.PendingSamples);
        Assert.Equal(samples.Take(taken.Count).Select(s => s / 32768f), taken);
    }

    [Fact]
    public void Append_LittleEndianBytes_EqualsAppendingTheSamples()
    {
        var samples = new short[] { 0, 1, -1, short.MaxValue, short.MinValue, 12345, -23456, 7 };
        var fromShorts = new VadFrameAccumulator(4);
        var fromBytes = new VadFrameAccumulator(4);

        fromShorts.Append(samples);
        fromBytes.Append(TestSpeech.ToBytes(samples));

        var expected = fromShorts.TakeFrames().ToArray();
        Assert.Equal(expected, fromBytes.TakeFrames().ToArray());
        Assert.Equal(-1f, expected[4]);
        Assert.Equal(32767 / 32768f, expected[3]);
    }

    [Fact]
    public void Append_OddByteCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => new VadFrameAccumulator(512).Append(new byte[3].AsSpan()));
    }
}
