using System.Buffers;
using System.Buffers.Binary;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>One stream fed to a fresh <see cref="WavStreamParser"/> in pieces: every result, and every sample.</summary>
internal sealed record ParserRun(WavStreamParser Parser, IReadOnlyList<WavFeedResult> Results, short[] Samples)
{
    /// <summary>The answer to the last piece (NeedMore for an empty stream).</summary>
    public WavFeedResult Final => Results.Count > 0 ? Results[^1] : WavFeedResult.NeedMore;

    /// <summary>Cuts <paramref name="stream"/> at the given fractions of its length (in any order) and feeds the pieces.</summary>
    public static ParserRun Feed(byte[] stream, double[] cuts)
    {
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();
        var results = new List<WavFeedResult>();
        var start = 0;
        foreach (var cut in cuts.Select(c => (int)(c * stream.Length)).Order().Append(stream.Length))
        {
            results.Add(parser.Feed(stream.AsSpan(start, cut - start), samples));
            start = cut;
        }

        return new ParserRun(parser, results, samples.WrittenSpan.ToArray());
    }

    /// <summary>Little-endian 16-bit samples of <paramref name="pcm"/> (an odd last byte is not a sample).</summary>
    public static short[] Decode(ReadOnlySpan<byte> pcm)
    {
        var samples = new short[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm[(2 * i)..]);
        }

        return samples;
    }
}
