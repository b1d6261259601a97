using System.Buffers.Binary;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>A RIFF chunk as a test writes it: its id, the size it declares, and the body it really has.</summary>
internal sealed record WavChunk(byte[] Id, uint DeclaredSize, byte[] Body)
{
    /// <summary>Header, body, and a pad byte after an odd body, as RIFF asks.</summary>
    public byte[] ToBytes()
    {
        var chunk = new byte[8 + Body.Length + (Body.Length & 1)];
        Id.CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), DeclaredSize);
        Body.CopyTo(chunk, 8);
        return chunk;
    }

    public override string ToString() => $"{FourCc(Id)}[{DeclaredSize}, {Body.Length} bytes]";

    private static string FourCc(byte[] id) =>
        id.All(b => b is >= 0x20 and <= 0x7E) ? System.Text.Encoding.ASCII.GetString(id) : Convert.ToHexString(id);
}
