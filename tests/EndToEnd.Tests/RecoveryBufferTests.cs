using CsCheck;
using SpeechCluster.Gateway.Sessions;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>
/// The gateway's buffer of unconfirmed audio: it returns exactly what was appended and not trimmed,
/// and it holds memory for what it keeps now, not for the most it ever kept.
/// </summary>
public sealed class RecoveryBufferTests
{
    private const int Segment = RecoveryBuffer.SegmentSamples;

    /// <summary>An append of up to 2.5 segments, or a trim by up to 3 segments (false, count).</summary>
    private static readonly Gen<(bool Append, int Count)> Step = Gen.Frequency(
        (3, Gen.Int[0, Segment * 5 / 2].Select(n => (true, n))),
        (2, Gen.Int[0, Segment * 3].Select(n => (false, n))));

    [Fact]
    public void AnyAppendsAndTrims_KeepExactlyTheUntrimmedSamples() =>
        Gen.Select(Gen.Long[0, 1_000_000], Step.Array[1, 40]).Sample((start, steps) =>
        {
            var buffer = new RecoveryBuffer(start);
            var model = new List<short>();
            var modelStart = start;
            var next = (short)0;
            foreach (var (append, count) in steps)
            {
                if (append)
                {
                    var samples = Enumerable.Range(0, count).Select(_ => next++).ToArray();
                    buffer.Append(samples);
                    model.AddRange(samples);
                }
                else
                {
                    var position = buffer.Start + count;
                    buffer.TrimBefore(position);
                    var drop = (int)Math.Min(count, model.Count);
                    model.RemoveRange(0, drop);
                    modelStart += drop;
                }

                Assert.Equal(modelStart, buffer.Start);
                Assert.Equal(model.Count, buffer.Count);
                Assert.Equal(modelStart + model.Count, buffer.End);
                Assert.Equal(model, buffer.From(buffer.Start));
                var middle = buffer.Start + (model.Count / 2);
                Assert.Equal(model.Skip(model.Count / 2), buffer.From(middle));
                // Never more than one segment beyond what the kept samples need.
                Assert.True(buffer.Segments <= (model.Count / Segment) + 2, $"{buffer.Segments} segments for {model.Count} samples");
            }
        });

    [Fact]
    public void LongUtteranceThenTrim_LetsGoOfItsMemory()
    {
        var buffer = new RecoveryBuffer();
        buffer.Append(new short[16_000 * 12]); // a 12 s utterance
        Assert.True(buffer.Segments >= 12);

        buffer.TrimBefore(buffer.End - 1_600); // its final delivered: 100 ms are still needed
        Assert.Equal(1_600, buffer.Count);
        Assert.True(buffer.Segments <= 2, $"{buffer.Segments} segments kept for 1,600 samples");

        buffer.TrimBefore(buffer.End);
        Assert.Equal(0, buffer.Segments);
        Assert.Empty(buffer.From(buffer.Start));
    }

    [Fact]
    public void TrimBeyondTheEnd_KeepsNothingAndPositionsGoOnFromTheEnd()
    {
        var buffer = new RecoveryBuffer(100);
        buffer.Append([1, 2, 3]);
        buffer.TrimBefore(10_000);
        Assert.Equal(103, buffer.Start);
        buffer.Append([4, 5]);
        Assert.Equal(new short[] { 4, 5 }, buffer.From(0));
        Assert.Equal(new short[] { 5 }, buffer.From(104));
    }
}
