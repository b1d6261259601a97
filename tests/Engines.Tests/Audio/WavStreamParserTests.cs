using System.Buffers;
using System.Text;
using SpeechCluster.Engines.Audio;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Audio;

public sealed class WavStreamParserTests
{
    private static readonly short[] Speech = TestSpeech.LibriVox[0].Samples[..8000];

    public static TheoryData<string> Headers => ["44", "46", "extensible", "list+fact", "librivox"];

    [Theory]
    [MemberData(nameof(Headers))]
    public void Feed_HeaderAloneThenPcm_YieldsEverySample(string layout)
    {
        var header = HeaderFor(layout);
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();

        var first = parser.Feed(header, samples);
        var second = parser.Feed(TestSpeech.ToBytes(Speech), samples);

        Assert.Equal(WavFeedStatus.Audio, first.Status);
        Assert.Equal(0, first.SamplesWritten);
        Assert.Equal(new WavFeedResult(WavFeedStatus.Audio, Speech.Length, null), second);
        Assert.Equal(Speech, samples.WrittenSpan.ToArray());
        Assert.Equal(header.Length, parser.HeaderBytes);
        Assert.Equal(16000, parser.Format?.SampleRate);
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Feed_SplitAtEveryByteOfHeaderAndFirstSamples_GivesSameSamples(string layout)
    {
        var stream = Concat(HeaderFor(layout), TestSpeech.ToBytes(Speech.AsSpan(0, 200)));
        for (var split = 0; split <= stream.Length; split++)
        {
            Assert.Equal(Speech[..200], FeedInPieces(stream, [split]));
        }
    }

    [Fact]
    public void Feed_RealFileCutAtRandomPoints_GivesTheSamplesNAudioReads()
    {
        var recording = TestSpeech.LibriVox[1];
        var file = File.ReadAllBytes(recording.Path);
        var expected = recording.Samples;
        var random = new Random(1234);
        for (var trial = 0; trial < 20; trial++)
        {
            var cuts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(file.Length)).Order().ToArray();
            Assert.Equal(expected, FeedInPieces(file, cuts));
        }
    }

    [Fact]
    public void Feed_OneByteAtATime_NeedsMoreUntilDataHeaderThenAudio()
    {
        var header = TestWav.Header(0, 0, TestWav.Fmt(18), TestWav.ListChunk());
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();
        for (var i = 0; i < header.Length - 1; i++)
        {
            Assert.Equal(WavFeedResult.NeedMore, parser.Feed(header.AsSpan(i, 1), samples));
            Assert.Equal(i >= 12 + 8 + 18 - 1, parser.Format is not null);
        }

        Assert.Equal(WavFeedResult.Audio(0), parser.Feed(header.AsSpan(^1), samples));
        Assert.Equal(WavFeedResult.Audio(0), parser.Feed([0x34], samples));
        Assert.Equal(WavFeedResult.Audio(1), parser.Feed([0x12], samples));
        Assert.Equal([0x1234], samples.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(TestWav.Unknown, TestWav.Unknown)]
    [InlineData(36u + 400u, 400u)]
    [InlineData(36u, 0u)]
    public void Feed_AnySizeFields_AreIgnored(uint riffSize, uint dataSize)
    {
        var stream = Concat(TestWav.Header(riffSize, dataSize, TestWav.Fmt()), TestSpeech.ToBytes(Speech));

        Assert.Equal(Speech, FeedInPieces(stream, [3200, 6400]));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(22050)]
    [InlineData(48000)]
    public void Feed_OtherSampleRates_AreReportedInFormat(int rate)
    {
        var parser = new WavStreamParser();

        parser.Feed(TestWav.Header46(rate), new ArrayBufferWriter<short>());

        Assert.Equal(new AudioFormat(1, 1, rate, 16), parser.Format);
    }

    public static TheoryData<string, byte[], string> Rejected => new()
    {
        { "raw PCM", TestSpeech.ToBytes(Speech.AsSpan(0, 100)), "expected RIFF....WAVE" },
        { "RF64", [.. "RF64"u8, .. TestWav.Header44()[4..]], "'RF64'" },
        { "RIFF AVI", [.. TestWav.Header44()[..8], .. "AVI "u8, .. TestWav.Header44()[12..]], "'AVI '" },
        { "IEEE float", TestWav.Header(0, 0, TestWav.Fmt(18, tag: 3, bits: 32)), "IEEE float (0x0003)" },
        { "A-law", TestWav.Header(0, 0, TestWav.Fmt(18, tag: 6, bits: 8)), "A-law (0x0006)" },
        { "MP3", TestWav.Header(0, 0, TestWav.Fmt(30, tag: 0x55)), "MP3 (0x0055)" },
        { "odd tag", TestWav.Header(0, 0, TestWav.Fmt(18, tag: 0x1234)), "0x1234" },
        { "extensible float", TestWav.Header(0, 0, TestWav.Fmt(40, tag: 0xFFFE, subTag: 3)), "IEEE float" },
        { "short extensible", TestWav.Header(0, 0, TestWav.Fmt(18, tag: 0xFFFE)), "too short" },
        { "stereo", TestWav.Header(0, 0, TestWav.Fmt(channels: 2)), "2 channels" },
        { "8-bit", TestWav.Header(0, 0, TestWav.Fmt(bits: 8)), "8-bit" },
        { "24-bit", TestWav.Header(0, 0, TestWav.Fmt(bits: 24)), "24-bit" },
        { "96 kHz", TestWav.Header(0, 0, TestWav.Fmt(rate: 96000)), "96000 Hz" },
        { "4 kHz", TestWav.Header(0, 0, TestWav.Fmt(rate: 4000)), "4000 Hz" },
        { "tiny fmt", TestWav.Header(0, 0, TestWav.Chunk("fmt ", new byte[8])), "fmt chunk of 8 bytes" },
        { "huge fmt", TestWav.Header(0, 0, TestWav.Chunk("fmt ", [], declaredSize: 100000)), "fmt chunk of 100000" },
        { "lying LIST", TestWav.Header(0, 0, TestWav.Fmt(), TestWav.Chunk("LIST", [], TestWav.Unknown)), "'LIST' chunk" },
        { "70 KiB junk", TestWav.Header(0, 0, TestWav.Chunk("junk", new byte[70000]), TestWav.Fmt()), "'junk' chunk" },
        { "data first", TestWav.Header(0, 0), "before any fmt" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Feed_UnacceptableStream_IsInvalidWithShortReasonNamingTheProblem(string what, byte[] stream, string named)
    {
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();

        var result = parser.Feed(stream, samples);
        var later = parser.Feed(TestSpeech.ToBytes(Speech.AsSpan(0, 100)), samples);

        Assert.Equal(WavFeedStatus.Invalid, result.Status);
        Assert.Contains(named, result.Reason, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(result.Reason!) < 100, $"{what}: reason too long: {result.Reason}");
        Assert.Equal(result, later);
        Assert.Equal(0, samples.WrittenCount);
    }

    [Fact]
    public void Feed_ChunkSizeBeyondCap_IsRejectedAtItsHeaderWithoutWaitingForTheBytes()
    {
        var header = TestWav.Header(0, 0, TestWav.Fmt(), TestWav.Chunk("LIST", [], 66000));

        var result = new WavStreamParser().Feed(header.AsSpan(0, 12 + 24 + 8), new ArrayBufferWriter<short>());

        Assert.Equal(WavFeedStatus.Invalid, result.Status);
        Assert.Contains("'LIST' chunk of 66000 bytes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_NoDataChunkWithinCap_IsRejected()
    {
        var header = TestWav.Header(0, 0, TestWav.Fmt(), TestWav.Chunk("LIST", [], 60000))[..^8];
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();

        var first = parser.Feed(header, samples);
        var results = Enumerable.Range(0, 10).Select(_ => parser.Feed(new byte[10000], samples)).ToList();

        Assert.Equal(WavFeedResult.NeedMore, first);
        Assert.Equal(WavFeedStatus.Invalid, results[^1].Status);
        Assert.True(parser.HeaderBytes <= WavStreamParser.MaxHeaderBytes);
        Assert.Equal(0, samples.WrittenCount);
    }

    private static byte[] HeaderFor(string layout) => layout switch
    {
        "44" => TestWav.Header44(),
        "46" => TestWav.Header46(),
        "extensible" => TestWav.Header(0, 0, TestWav.Fmt(40, tag: 0xFFFE)),
        "list+fact" => TestWav.Header(0, 0, TestWav.ListChunk(), TestWav.Fmt(18), TestWav.Chunk("fact", new byte[4])),
        _ => File.ReadAllBytes(TestSpeech.LibriVox[0].Path).AsSpan(0, WaveDataOffset(TestSpeech.LibriVox[0].Path)).ToArray(),
    };

    private static int WaveDataOffset(string path)
    {
        using var reader = new NAudio.Wave.WaveFileReader(path);
        return (int)(new FileInfo(path).Length - reader.Length);
    }

    private static short[] FeedInPieces(byte[] stream, int[] cuts)
    {
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();
        var start = 0;
        foreach (var cut in cuts.Append(stream.Length))
        {
            var result = parser.Feed(stream.AsSpan(start, cut - start), samples);
            Assert.NotEqual(WavFeedStatus.Invalid, result.Status);
            start = cut;
        }

        Assert.Equal(samples.WrittenCount, parser.SamplesWritten);
        return samples.WrittenSpan.ToArray();
    }

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];
}
