using SpeechCluster.Grains.Session;

namespace SpeechCluster.Grains.Tests;

public sealed class StreamClockTests
{
    [Theory]
    [InlineData(16000, 16000, 32000)]
    [InlineData(22050, 16000, 44100)]
    [InlineData(8000, 16000, 16000)]
    public void Span_OneSecondIn_TicksAndClientBytes(int inputRate, long samples16k, long expectedBytes)
    {
        var span = new StreamClock(inputRate).Span(samples16k, samples16k * 2);

        Assert.Equal(TimeSpan.FromSeconds(1), span.Offset);
        Assert.Equal(TimeSpan.FromSeconds(1), span.Duration);
        Assert.Equal(expectedBytes, span.StreamPosition);
        Assert.Equal(expectedBytes, span.SizeBytes);
    }
}
