using System.Buffers.Binary;
using System.Text;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>What a <c>fmt </c> chunk declares, and what the protocol makes of it.</summary>
/// <param name="KnownGuid">For the extensible tag: whether the sub-format GUID has the standard suffix.</param>
internal sealed record WavFields(ushort Tag, ushort Channels, uint Rate, ushort Bits, ushort SubTag, bool KnownGuid)
{
    private const ushort Extensible = 0xFFFE;

    /// <summary>
    /// The first thing wrong with a fmt chunk of <paramref name="size"/> bytes holding these fields,
    /// as a word the rejection must contain; null when the audio is 16-bit mono PCM at 8-48 kHz.
    /// </summary>
    public string? Fault(uint size) =>
        size is < 16 or > 256 ? "fmt chunk"
        : Tag == Extensible && size < 40 ? "too short"
        : Tag == Extensible && !KnownGuid ? "unknown GUID"
        : Tag == Extensible && SubTag != 1 ? "sub-format"
        : Tag is not (1 or Extensible) ? "not supported"
        : Channels != 1 ? "channels"
        : Bits != 16 ? "-bit samples"
        : Rate is < 8000 or > 48000 ? "sample rate"
        : null;

    /// <summary>The chunk, header included; its body is <paramref name="size"/> bytes, or 512 when it declares more.</summary>
    public byte[] ToChunk(uint size)
    {
        var body = new byte[Math.Min(size, 512u)];
        var fields = new byte[40];
        BinaryPrimitives.WriteUInt16LittleEndian(fields, Tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fields.AsSpan(2), Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fields.AsSpan(4), Rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fields.AsSpan(8), unchecked(Rate * Channels * Bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fields.AsSpan(12), unchecked((ushort)(Channels * Bits / 8)));
        BinaryPrimitives.WriteUInt16LittleEndian(fields.AsSpan(14), Bits);
        BinaryPrimitives.WriteUInt16LittleEndian(fields.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fields.AsSpan(18), Bits);
        BinaryPrimitives.WriteUInt32LittleEndian(fields.AsSpan(20), 0x4);
        new Guid(KnownGuid ? $"{SubTag:X8}-0000-0010-8000-00AA00389B71" : $"{SubTag:X8}-1234-0010-8000-00AA00389B71").TryWriteBytes(fields.AsSpan(24));
        fields.AsSpan(0, Math.Min(body.Length, fields.Length)).CopyTo(body);
        return new WavChunk(Encoding.ASCII.GetBytes("fmt "), size, body).ToBytes();
    }
}
