using System.Buffers;
using SpeechCluster.Engines.Audio;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Audio;

public sealed class StreamingResamplerTests
{
    public static TheoryData<int, int> Conversions => new()
    {
        { 8000, 16000 }, { 44100, 16000 }, { 48000, 16000 }, { 22050, 24000 }, { 22050, 16000 }, { 16000, 8000 },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Resample_Sine_KeepsFrequencyAmplitudeAndDuration(int from, int to)
    {
        var input = Signal.Sine(440, from, 1.5);

        var output = StreamingResampler.Resample(input, from, to);

        Assert.Equal(input.Length * (long)to / from, output.Length, tolerance: 1);
        var middle = output.AsSpan(to / 10, to);
        Assert.Equal(440, Signal.ZeroCrossingFrequency(middle, to), tolerance: 1.0);
        Assert.Equal(10000, Signal.Amplitude(middle, 440, to), tolerance: 100);
        Assert.True(Signal.Amplitude(middle, 1000, to) < 20);
    }

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Resample_Sine_IsNotDelayed(int from, int to)
    {
        var output = StreamingResampler.Resample(Signal.Sine(440, from, 0.5), from, to);
        var ideal = Signal.Sine(440, to, 0.5);

        // Away from the edges (where the filter sees silence beyond the signal) it is the ideal sine.
        var edge = to / 100;
        Assert.True(Signal.MaxDifference(output.AsSpan(edge, ideal.Length - 2 * edge), ideal.AsSpan(edge)) < 100);
    }

    [Theory]
    [InlineData(44100, 16000, 1)]
    [InlineData(44100, 16000, 333)]
    [InlineData(48000, 16000, 4800)]
    [InlineData(8000, 16000, 7)]
    [InlineData(22050, 24000, 2205)]
    public void Process_InChunks_EqualsOneShot(int from, int to, int chunk)
    {
        var input = TestSpeech.LibriVox[2].Samples;
        input = from == 16000 ? input : StreamingResampler.Resample(input, 16000, from);
        var resampler = new StreamingResampler(from, to);
        var output = new ArrayBufferWriter<short>();

        var processed = 0;
        for (var start = 0; start < input.Length; start += chunk)
        {
            processed += resampler.Process(input.AsSpan(start, Math.Min(chunk, input.Length - start)), output);
        }

        var flushed = resampler.Flush(output);

        var oneShot = StreamingResampler.Resample(input, from, to);
        Assert.Equal(oneShot.Length, output.WrittenCount);
        Assert.Equal(oneShot.Length, processed + flushed);
        Assert.True(Signal.MaxDifference(oneShot, output.WrittenSpan) <= 1);
    }

    [Fact]
    public void Process_EqualRates_PassesSamplesThroughExactly()
    {
        var input = TestSpeech.LibriVox[0].Samples;
        var resampler = new StreamingResampler(16000, 16000);
        var output = new ArrayBufferWriter<short>();

        resampler.Process(input.AsSpan(0, 1000), output);
        resampler.Process(input.AsSpan(1000), output);

        Assert.True(resampler.IsPassThrough);
        Assert.Equal(0, resampler.Flush(output));
        Assert.Equal(input, output.WrittenSpan.ToArray());
        Assert.Equal(input, StreamingResampler.Resample(input, 24000, 24000));
    }

    [Fact]
    public void Resample_ToneAboveNewNyquist_IsFilteredNotAliased()
    {
        // 12 kHz at 48 kHz would fold to 4 kHz at 16 kHz without the anti-aliasing filter.
        var output = StreamingResampler.Resample(Signal.Sine(12000, 48000, 1.0), 48000, 16000);

        Assert.True(Signal.Amplitude(output.AsSpan(1000, 14000), 4000, 16000) < 10);
        Assert.True(Signal.Rms(output.AsSpan(1000, 14000)) < 10);
    }

    [Fact]
    public void Resample_SpeechUpAndBackDown_IsNearlyUnchanged()
    {
        var speech = TestSpeech.LibriVox[3].Samples;

        var roundTrip = StreamingResampler.Resample(StreamingResampler.Resample(speech, 16000, 44100), 44100, 16000);

        var error = speech.Zip(roundTrip, (a, b) => (short)Math.Clamp(a - b, short.MinValue, short.MaxValue)).ToArray();
        Assert.Equal(speech.Length, roundTrip.Length);
        Assert.True(Signal.Rms(error) < 0.05 * Signal.Rms(speech), $"error {Signal.Rms(error):F0} vs {Signal.Rms(speech):F0}");
    }

    [Fact]
    public void Flush_ThenProcess_StartsAFreshStream()
    {
        var input = Signal.Sine(440, 44100, 0.2);
        var resampler = new StreamingResampler(44100, 16000);
        var first = new ArrayBufferWriter<short>();
        var second = new ArrayBufferWriter<short>();

        resampler.Process(input, first);
        resampler.Flush(first);
        resampler.Process(input, second);
        resampler.Flush(second);

        Assert.Equal(first.WrittenSpan.ToArray(), second.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(7999, 16000)]
    [InlineData(16000, 48001)]
    [InlineData(96000, 16000)]
    public void Constructor_RateOutsideRange_Throws(int from, int to) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingResampler(from, to));
}
