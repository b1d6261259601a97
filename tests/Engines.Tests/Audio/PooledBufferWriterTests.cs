using SpeechCluster.Engines.Audio;

namespace SpeechCluster.Engines.Tests.Audio;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void GetSpan_PastCapacity_GrowsKeepingWhatWasWritten()
    {
        using var writer = new PooledBufferWriter<short>(16);
        var expected = new List<short>();

        for (short piece = 0; piece < 50; piece++)
        {
            var span = writer.GetSpan(7);
            Assert.True(span.Length >= 7);
            for (var i = 0; i < 7; i++)
            {
                span[i] = (short)((piece * 7) + i);
                expected.Add(span[i]);
            }

            writer.Advance(7);
        }

        Assert.Equal(expected, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Advance_BeyondTheBuffer_Throws()
    {
        using var writer = new PooledBufferWriter<short>(16);
        var length = writer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(length + 1));
    }

    [Fact]
    public void GetSpan_AfterDispose_Throws()
    {
        var writer = new PooledBufferWriter<short>(16);
        writer.Dispose();
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan());
        Assert.Equal(0, writer.WrittenSpan.Length);
    }
}
