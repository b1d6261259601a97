using System.Buffers.Binary;
using System.Text;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>Builds WAV headers byte by byte, the way the various clients write them.</summary>
internal static class TestWav
{
    public const uint Unknown = 0xFFFFFFFF;

    /// <summary>A <c>fmt </c> chunk (header included) of <paramref name="size"/> 16, 18 or 40 bytes.</summary>
    public static byte[] Fmt(int size = 16, int tag = 1, int channels = 1, int rate = 16000, int bits = 16, int subTag = 1)
    {
        var body = new byte[size];
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(rate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        if (size >= 18)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), (ushort)(size - 18));
        }

        if (size >= 40)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), 0x4); // front centre
            var guid = new Guid($"{subTag:X8}-0000-0010-8000-00AA00389B71");
            guid.TryWriteBytes(body.AsSpan(24));
        }

        return Chunk("fmt ", body);
    }

    /// <summary>A chunk with its pad byte when the body is odd-sized, as RIFF requires.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize ?? (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>RIFF header, the given chunks, then a data chunk header declaring <paramref name="dataSize"/>.</summary>
    public static byte[] Header(uint riffSize = 0, uint dataSize = 0, params byte[][] chunks)
    {
        var riff = new byte[12];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteUInt32LittleEndian(riff.AsSpan(4), riffSize);
        "WAVE"u8.CopyTo(riff.AsSpan(8));
        var data = new byte[8];
        "data"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), dataSize);
        return [.. riff, .. chunks.SelectMany(c => c), .. data];
    }

    /// <summary>The 44-byte header of the protocol's documentation (sizes 0).</summary>
    public static byte[] Header44(int rate = 16000) => Header(0, 0, Fmt(16, rate: rate));

    /// <summary>The 46-byte header NAudio writes (fmt size 18, cbSize 0), as the official apps send.</summary>
    public static byte[] Header46(int rate = 16000) => Header(0, 0, Fmt(18, rate: rate));

    /// <summary>An INFO list as audio editors write it: odd-sized, so followed by a pad byte.</summary>
    public static byte[] ListChunk() =>
        Chunk("LIST", [.. "INFOISFT"u8, 0x0F, 0, 0, 0, .. "Lavf58.29.100\0"u8, 0]);
}
