using System.Buffers;
using System.Buffers.Binary;
using NAudio.Wave;
using SpeechCluster.Engines.Audio;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Audio;

public sealed class WavEncoderTests
{
    [Theory]
    [InlineData(16000)]
    [InlineData(24000)]
    public void Encode_AtOutputRate_Writes44ByteHeaderWithRealSizesAndTheSamples(int rate)
    {
        var speech = TestSpeech.LibriVox[0].Samples;

        var file = new WavEncoder(rate).Encode(speech, rate);

        Assert.Equal(44 + 2 * speech.Length, file.Length);
        Assert.Equal("RIFF"u8.ToArray(), file[..4]);
        Assert.Equal((uint)file.Length - 8, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16)));
        Assert.Equal("data"u8.ToArray(), file[36..40]);
        Assert.Equal((uint)speech.Length * 2, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(40)));
        using var reader = new WaveFileReader(new MemoryStream(file));
        Assert.Equal(new WaveFormat(rate, 16, 1), reader.WaveFormat);
        Assert.Equal(2L * speech.Length, reader.Length);
        Assert.Equal(TestSpeech.ToBytes(speech), file[44..]);
    }

    [Theory]
    [InlineData(22050, 24000)]
    [InlineData(22050, 16000)]
    [InlineData(16000, 24000)]
    public void Encode_OtherInputRate_ResamplesKeepingDurationAndPitch(int from, int to)
    {
        var input = Signal.Sine(440, from, 1.0);

        var file = new WavEncoder(to).Encode(input, from);

        // Read it back with our own stream parser, as a client's upload would be.
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();
        Assert.Equal(WavFeedStatus.Audio, parser.Feed(file, samples).Status);
        Assert.Equal(44, parser.HeaderBytes);
        Assert.Equal(to, parser.Format?.SampleRate);
        Assert.Equal(to, samples.WrittenCount);
        Assert.Equal(440, Signal.ZeroCrossingFrequency(samples.WrittenSpan, to), tolerance: 1.0);
    }

    [Fact]
    public void Encode_OtherInputRate_DataIsTheOneShotResampling()
    {
        var speech = StreamingResampler.Resample(TestSpeech.LibriVox[1].Samples, 16000, 22050);

        var file = new WavEncoder(24000).Encode(speech, 22050);

        Assert.Equal(TestSpeech.ToBytes(StreamingResampler.Resample(speech, 22050, 24000)), file[44..]);
    }

    [Fact]
    public void Encode_NoSamples_IsAHeaderDeclaringNoData()
    {
        var file = new WavEncoder(24000).Encode([], 22050);

        Assert.Equal(44, file.Length);
        Assert.Equal(36u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(40)));
    }

    [Fact]
    public void ContentType_IsAudioWav() => Assert.Equal("audio/wav", new WavEncoder(16000).ContentType);
}
