using NAudio.Wave;
using SpeechCluster.Engines.Audio;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Audio;

public sealed class Mp3EncoderTests
{
    // LAME's encoder delay plus the decoder's: players without gapless support play this much extra.
    private const int CodecDelay = 1105;
    private const int SamplesPerFrame = 576; // MPEG-2 Layer III, which 16 and 24 kHz are

    [Theory]
    [InlineData(16000, 16000)]
    [InlineData(22050, 16000)]
    [InlineData(22050, 24000)]
    [InlineData(8000, 24000)]
    public void Encode_Sine_IsMonoCbrMp3AtConfiguredRateOfRightDurationAndPitch(int from, int to)
    {
        var input = Signal.Sine(440, from, 2.0);
        var expected = input.Length * to / from;

        var mp3 = new Mp3Encoder(to).Encode(input, from);

        var frames = Mp3Inspection.Frames(mp3);
        Assert.All(frames, frame =>
        {
            Assert.Equal(to, frame.SampleRate);
            Assert.Equal(ChannelMode.Mono, frame.ChannelMode);
            Assert.Equal(MpegVersion.Version2, frame.MpegVersion);
            Assert.Equal(MpegLayer.Layer3, frame.MpegLayer);
            Assert.Equal(Mp3Encoder.DefaultBitrateKbps * 1000, frame.BitRate);
        });
        var audioFrames = frames.Count - 1; // the first is the Info tag
        Assert.InRange(audioFrames * SamplesPerFrame, expected + CodecDelay - 576, expected + CodecDelay + 2 * SamplesPerFrame);

        var (decoded, rate, channels) = Mp3Inspection.Decode(mp3);
        Assert.Equal((to, 1), (rate, channels));
        Assert.InRange(decoded.Length, expected - SamplesPerFrame, expected + CodecDelay + 2 * SamplesPerFrame);
        var middle = decoded.AsSpan(to / 4, to);
        Assert.Equal(440, Signal.ZeroCrossingFrequency(middle, to), tolerance: 1.0);
        Assert.Equal(10000, Signal.Amplitude(middle, 440, to), tolerance: 1000);
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(24000)]
    public void Encode_AtDefaultBitrate_StartsWithInfoTagCountingTheFrames(int rate)
    {
        var mp3 = new Mp3Encoder(rate).Encode(Signal.Sine(300, 22050, 1.0), 22050);

        var frames = Mp3Inspection.Frames(mp3);
        var tag = XingHeader.LoadXingHeader(frames[0]);

        Assert.NotNull(tag);
        Assert.Equal(frames.Count - 1, tag.Frames);
        Assert.Equal(mp3.Length, tag.Bytes);
    }

    [Fact]
    public void Encode_Speech_DecodesToTheSameWaveform()
    {
        var speech = TestSpeech.LibriVox[4].Samples;

        var (decoded, _, _) = Mp3Inspection.Decode(new Mp3Encoder(16000).Encode(speech, 16000));

        var (correlation, delay) = Signal.BestCorrelation(speech.AsSpan(8000, 24000), decoded.AsSpan(8000), 1500);
        Assert.True(correlation > 0.9, $"correlation {correlation:F3} at delay {delay}");
    }

    [Fact]
    public void Encode_ManyThreadsAtOnce_GiveTheSameBytesAsOneByOne()
    {
        var encoder = new Mp3Encoder(24000);
        var inputs = Enumerable.Range(0, 8).Select(i => Signal.Sine(200 + 50 * i, 22050, 0.5)).ToArray();
        var serial = inputs.Select(input => encoder.Encode(input, 22050)).ToArray();

        var parallel = new byte[inputs.Length][];
        Parallel.For(0, inputs.Length, i => parallel[i] = encoder.Encode(inputs[i], 22050));

        Assert.Equal(serial, parallel);
        Assert.Equal(inputs.Length, serial.Distinct(ByteArrayComparer.Instance).Count());
    }

    [Fact]
    public void Encode_NoSamples_GivesAValidStream()
    {
        var frames = Mp3Inspection.Frames(new Mp3Encoder(16000).Encode([], 16000));

        Assert.NotEmpty(frames);
    }

    [Fact]
    public void ContentType_IsAudioMp3() => Assert.Equal("audio/mp3", new Mp3Encoder(16000).ContentType);

    [Theory]
    [InlineData(44000, 64)]
    [InlineData(16000, 4)]
    [InlineData(16000, 500)]
    public void Constructor_UnsupportedSetting_Throws(int rate, int bitrate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mp3Encoder(rate, bitrate));

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
