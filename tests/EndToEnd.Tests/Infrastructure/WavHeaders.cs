using System.Buffers.Binary;
using System.Text;

namespace SpeechCluster.EndToEnd.Tests.Infrastructure;

/// <summary>The WAV headers real clients send (PROTOCOL.md §4).</summary>
public static class WavHeaders
{
    // Where the size fields of the 44-byte header lie.
    private const int RiffSizeOffset = 4;
    private const int FmtSizeOffset = 16;
    private const int DataSizeOffset = 40;

    /// <summary>The documented 44-byte header; sizes 0 as for streaming, unless given.</summary>
    public static byte[] Standard(int sampleRate = 16000, short channels = 1, short bits = 16, short formatTag = 1, uint dataSize = 0) =>
        Build(sampleRate, channels, bits, formatTag, fmtExtra: null, extraChunk: null, dataSize);

    /// <summary>NAudio's 46-byte header (<c>fmt </c> of size 18), as the SpeechTranslator app and the Python sample send.</summary>
    public static byte[] NAudio(int sampleRate = 16000) => Build(sampleRate, 1, 16, 1, fmtExtra: [0, 0], extraChunk: null, 0);

    /// <summary>A file header with a LIST chunk between fmt and data, as the npm package's sample has.</summary>
    public static byte[] WithList(int sampleRate = 16000, uint dataSize = 0) =>
        Build(sampleRate, 1, 16, 1, fmtExtra: null, extraChunk: ("LIST", Encoding.ASCII.GetBytes("INFOISFT\u000e\0\0\0Lavf58.29.100\0")), dataSize);

    /// <summary>
    /// The standard header with the RIFF and data size fields set as given, whatever audio follows:
    /// streaming clients write 0, 0xFFFFFFFF or a guess.
    /// </summary>
    public static byte[] WithSizes(uint riffSize, uint dataSize) =>
        Patched(Standard(), (RiffSizeOffset, riffSize), (DataSizeOffset, dataSize));

    /// <summary>The standard header (a 16-byte <c>fmt </c> body) whose <c>fmt </c> size field says <paramref name="declared"/>.</summary>
    public static byte[] WithFmtSize(uint declared) => Patched(Standard(), (FmtSizeOffset, declared));

    private static byte[] Patched(byte[] header, params (int Offset, uint Value)[] fields)
    {
        foreach (var (offset, value) in fields)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(offset), value);
        }

        return header;
    }

    private static byte[] Build(int sampleRate, short channels, short bits, short formatTag, byte[]? fmtExtra, (string Id, byte[] Body)? extraChunk, uint dataSize)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var fmtSize = 16 + (fmtExtra?.Length ?? 0);
        writer.Write("RIFF"u8);
        writer.Write(dataSize == 0 ? 0u : dataSize + 36);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(fmtSize);
        writer.Write(formatTag);
        writer.Write(channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * channels * bits / 8);
        writer.Write((short)(channels * bits / 8));
        writer.Write(bits);
        if (fmtExtra is not null)
        {
            writer.Write(fmtExtra);
        }

        if (extraChunk is { } chunk)
        {
            writer.Write(Encoding.ASCII.GetBytes(chunk.Id));
            writer.Write(chunk.Body.Length);
            writer.Write(chunk.Body);
            if (chunk.Body.Length % 2 == 1)
            {
                writer.Write((byte)0);
            }
        }

        writer.Write("data"u8);
        writer.Write(dataSize);
        writer.Flush();
        return stream.ToArray();
    }
}
