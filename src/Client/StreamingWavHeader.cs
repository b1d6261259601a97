using System.Buffers.Binary;

namespace SpeechCluster.Client;

/// <summary>
/// The 44-byte RIFF/WAVE header the protocol documents for streaming: PCM, mono, 16 kHz, 16-bit, with the
/// RIFF and data sizes left 0 because the length is not known in advance.
/// </summary>
internal static class StreamingWavHeader
{
    public const int SampleRate = 16000;
    public const int BytesPerSecond = SampleRate * 2;

    public static ReadOnlyMemory<byte> Bytes { get; } = Build();

    private static byte[] Build()
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header.AsSpan(0));
        "WAVE"u8.CopyTo(header.AsSpan(8));
        "fmt "u8.CopyTo(header.AsSpan(12));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), BytesPerSecond);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        return header;
    }
}
