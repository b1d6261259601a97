using System.Buffers;
using System.Text;
using CsCheck;
using SpeechCluster.Engines.Audio;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>
/// Properties of the WAV/PCM parser over arbitrary client bytes (CsCheck; iterations bounded,
/// see <see cref="PropertyRuns"/>): it never throws, always gives a defined answer, does not care
/// where messages are cut, and never holds more than its header cap.
/// </summary>
public sealed class WavStreamParserProperties
{
    [Fact]
    public void Feed_AnyBytesCutAnywhere_AlwaysADefinedAnswer() =>
        Gen.Select(HostileWav.Anything, HostileWav.Cuts()).Sample((stream, cuts) =>
        {
            var run = ParserRun.Feed(stream, cuts);

            var decided = false;
            WavFeedResult? rejection = null;
            foreach (var result in run.Results)
            {
                AssertWellFormed(result);
                Assert.False(decided && result.Status == WavFeedStatus.NeedMore, "went back to NeedMore");
                Assert.True(rejection is null || result == rejection, "a rejection changed");
                decided |= result.Status != WavFeedStatus.NeedMore;
                rejection ??= result.Status == WavFeedStatus.Invalid ? result : null;
            }

            Assert.Equal(run.Results.Sum(r => r.SamplesWritten), run.Samples.Length);
            Assert.Equal(run.Samples.Length, run.Parser.SamplesWritten);
            Assert.InRange(run.Parser.HeaderBytes, 0, WavStreamParser.MaxHeaderBytes);
        }, iter: PropertyRuns.Iterations(3000));

    [Fact]
    public void Feed_SameBytesCutDifferently_SameOutcomeAndSamples() =>
        Gen.Select(HostileWav.Anything, HostileWav.Cuts(), HostileWav.Cuts()).Sample((stream, cuts, otherCuts) =>
        {
            var one = ParserRun.Feed(stream, cuts);
            var other = ParserRun.Feed(stream, otherCuts);

            Assert.Equal(one.Final.Status, other.Final.Status);
            Assert.Equal(one.Final.Reason, other.Final.Reason);
            Assert.Equal(one.Samples, other.Samples);
            Assert.Equal(one.Parser.Format, other.Parser.Format);
            Assert.Equal(one.Parser.HeaderBytes, other.Parser.HeaderBytes);
        }, iter: PropertyRuns.Iterations(2000));

    [Fact]
    public void Feed_HonestHeaderOfAnyFormat_AcceptedExactlyWhenSixteenBitMonoPcm() =>
        Gen.Select(HostileWav.WellFormed, HostileWav.Cuts()).Sample((spec, cuts) =>
        {
            var run = ParserRun.Feed(spec.ToBytes(), cuts);

            if (spec.ExpectedFault() is { } fault)
            {
                Assert.Equal(WavFeedStatus.Invalid, run.Final.Status);
                Assert.Contains(fault, run.Final.Reason, StringComparison.Ordinal);
                Assert.Empty(run.Samples);
            }
            else
            {
                Assert.Equal(WavFeedStatus.Audio, run.Final.Status);
                Assert.Equal(new AudioFormat(spec.Fields.Tag, 1, (int)spec.Fields.Rate, 16), run.Parser.Format);
                Assert.Equal(ParserRun.Decode(spec.Pcm), run.Samples);
            }
        }, iter: PropertyRuns.Iterations(3000), print: spec => spec.Item1.ToString());

    [Fact]
    public void Feed_HeaderThatNeverEnds_DecidedWithinCapWithoutBuffering() =>
        Gen.Select(HostileWav.LyingChunk.Array[1, 40], Gen.Byte, Gen.Int[1, 20000]).Sample((chunks, filler, piece) =>
        {
            // Chunks, then filler up to twice the cap: no data chunk header within the cap.
            byte[] prefix = [.. HostileWav.Riff(0), .. chunks.SelectMany(c => c.ToBytes())];
            var stream = new byte[Math.Max(prefix.Length, 2 * WavStreamParser.MaxHeaderBytes)];
            stream.AsSpan().Fill(filler);
            prefix.CopyTo(stream, 0);
            var parser = new WavStreamParser();
            var samples = new ArrayBufferWriter<short>(stream.Length / 2 + 1);
            var result = WavFeedResult.NeedMore;

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var fed = 0;
            for (; fed < stream.Length && result.Status == WavFeedStatus.NeedMore; fed += piece)
            {
                result = parser.Feed(stream.AsSpan(fed, Math.Min(piece, stream.Length - fed)), samples);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            AssertWellFormed(result);
            Assert.NotEqual(WavFeedStatus.NeedMore, result.Status);
            Assert.True(fed - piece < WavStreamParser.MaxHeaderBytes, $"undecided after {fed - piece} bytes");
            // A parser that kept the header would allocate the cap (64 KiB); the rejection's reason, and
            // the first string formatting on a thread (array pool buckets), take a few KiB at most.
            Assert.True(allocated < 16 * 1024, $"{allocated} bytes allocated while parsing the header");
        }, iter: PropertyRuns.Iterations(300));

    private static void AssertWellFormed(WavFeedResult result)
    {
        Assert.True(Enum.IsDefined(result.Status), $"undefined status {result.Status}");
        if (result.Status == WavFeedStatus.Invalid)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.True(Encoding.UTF8.GetByteCount(result.Reason) < 100, $"reason too long: {result.Reason}");
            Assert.Equal(0, result.SamplesWritten);
        }
        else
        {
            Assert.Null(result.Reason);
            Assert.True(result.SamplesWritten >= 0);
            Assert.True(result.Status == WavFeedStatus.Audio || result.SamplesWritten == 0);
        }
    }
}
