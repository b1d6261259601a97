using System.Buffers.Binary;
using System.Text;
using CsCheck;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>
/// Generators of the WAV streams careless and hostile clients send: well-formed headers of every
/// format, lying size fields, mutated and truncated headers, and plain noise.
/// </summary>
internal static class HostileWav
{
    /// <summary>A size field: the honest values, the edges, and "negative-looking" ones (top bit set).</summary>
    public static readonly Gen<uint> SizeField = Gen.Frequency(
        (3, Gen.OneOf(0u, 1u, 2u, 36u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu, 65536u, 70000u)),
        (1, Gen.UInt));

    /// <summary>fmt sizes from 0 to 1 GB, most often near the accepted 16-256.</summary>
    public static readonly Gen<uint> FmtSize = Gen.Frequency(
        (6, Gen.OneOf(16u, 18u, 40u)),
        (3, Gen.OneOf(0u, 1u, 14u, 15u, 17u, 39u, 41u, 255u, 256u, 257u, 0xFFFFFFFFu, 0x80000000u)),
        (1, Gen.UInt[0, 1u << 30]));

    /// <summary>Format fields: mostly the accepted 16-bit mono PCM, often one thing off, sometimes anything.</summary>
    public static readonly Gen<WavFields> Fields = Gen.Select(
        Gen.Frequency((6, Gen.OneOf<ushort>(1)), (2, Gen.OneOf<ushort>(0xFFFE)), (2, Gen.OneOf<ushort>(0, 2, 3, 6, 7, 0x11, 0x55, 0xF1AC)), (1, Gen.UShort)),
        Gen.Frequency((6, Gen.OneOf<ushort>(1)), (2, Gen.OneOf<ushort>(0, 2, 6)), (1, Gen.UShort)),
        Gen.Frequency((6, Gen.OneOf(8000u, 16000u, 22050u, 44100u, 48000u)), (2, Gen.OneOf(0u, 7999u, 48001u, 96000u, uint.MaxValue)), (1, Gen.UInt)),
        Gen.Frequency((6, Gen.OneOf<ushort>(16)), (2, Gen.OneOf<ushort>(0, 8, 24, 32)), (1, Gen.UShort)),
        Gen.Frequency((6, Gen.OneOf<ushort>(1)), (1, Gen.OneOf<ushort>(3, 0x55)), (1, Gen.UShort)),
        Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false))),
        (tag, channels, rate, bits, subTag, knownGuid) => new WavFields(tag, channels, rate, bits, subTag, knownGuid));

    /// <summary>A chunk that tells the truth about its size; now and then big enough to hit the header cap.</summary>
    public static readonly Gen<WavChunk> HonestChunk = Gen.Select(
        Gen.OneOf(ChunkIds()),
        Gen.Frequency((12, Gen.Int[0, 48]), (1, Gen.Int[20000, 70000])),
        (id, length) => new WavChunk(id, (uint)length, new byte[length]));

    /// <summary>A chunk whose size field may say anything.</summary>
    public static readonly Gen<WavChunk> LyingChunk = Gen.Select(
        Gen.OneOf(ChunkIds()), SizeField, Gen.Byte.Array[0, 24],
        (id, size, body) => new WavChunk(id, size, body));

    /// <summary>A header with honest chunk sizes, any format and fmt size, and a little PCM.</summary>
    public static readonly Gen<WavSpec> WellFormed = Gen.Select(
        Gen.Select(Fields, FmtSize, HonestChunk.Array[0, 2], HonestChunk.Array[0, 2]),
        Gen.Select(SizeField, SizeField, Gen.Byte.Array[0, 64]),
        (a, b) => new WavSpec(a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2, b.Item3));

    /// <summary>Anything at all: noise, a mutated or truncated well-formed stream, lying chunks, wrong magic.</summary>
    public static readonly Gen<byte[]> Anything = Gen.Frequency(
        (1, Gen.Byte.Array[0, 160]),
        (3, Gen.Select(WellFormed, Mutations(), (spec, mutate) => mutate(spec.ToBytes()))),
        (2, Gen.Select(Fields, LyingChunk.Array[0, 3], Gen.Byte.Array[0, 64], Mutations(),
            (fields, chunks, tail, mutate) => mutate([.. Riff(0), .. chunks.SelectMany(c => c.ToBytes()), .. fields.ToChunk(18), .. tail]))));

    /// <summary>Up to <paramref name="max"/> cut points, each a fraction of the stream's length.</summary>
    public static Gen<double[]> Cuts(int max = 8) => Gen.Double.Unit.Array[0, max];

    public static byte[] Riff(uint size, string magic = "RIFF", string form = "WAVE")
    {
        var riff = new byte[12];
        Encoding.ASCII.GetBytes(magic).CopyTo(riff, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), size);
        Encoding.ASCII.GetBytes(form).CopyTo(riff, 8);
        return riff;
    }

    /// <summary>Byte flips, a wrong magic, and truncation, applied to a stream (or not at all).</summary>
    private static Gen<Func<byte[], byte[]>> Mutations() => Gen.Select(
        Gen.Select(Gen.Double.Unit, Gen.Byte).Array[0, 3],
        Gen.Frequency((4, Gen.Const(1.0)), (1, Gen.Double.Unit)),
        Gen.Frequency((6, Gen.Const("")), (1, Gen.OneOf("RF64", "RIFX", "riff", "WAVE"))),
        (flips, keep, magic) => new Func<byte[], byte[]>(stream =>
        {
            var bytes = stream[..(int)(stream.Length * keep)];
            foreach (var (where, value) in flips)
            {
                if (bytes.Length > 0)
                {
                    bytes[(int)(where * (bytes.Length - 1))] = value;
                }
            }

            if (magic.Length > 0 && bytes.Length >= 4)
            {
                Encoding.ASCII.GetBytes(magic).CopyTo(bytes, 0);
            }

            return bytes;
        }));

    private static byte[][] ChunkIds() =>
        [.. new[] { "LIST", "junk", "JUNK", "fact", "bext", "cue ", "PEAK" }.Select(Encoding.ASCII.GetBytes), [0x00, 0xFF, 0x1A, 0x80]];
}
