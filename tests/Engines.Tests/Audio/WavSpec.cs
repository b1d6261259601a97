using System.Buffers.Binary;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>
/// A header whose chunks tell the truth about their sizes (the fmt chunk may still declare
/// anything), followed by PCM; and what the parser must make of it.
/// </summary>
internal sealed record WavSpec(
    WavFields Fields, uint FmtSize, WavChunk[] Before, WavChunk[] After, uint RiffSize, uint DataSize, byte[] Pcm)
{
    private const int Cap = 64 * 1024;

    public byte[] ToBytes()
    {
        var data = new byte[8];
        "data"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), DataSize);
        return [.. HostileWav.Riff(RiffSize), .. Before.SelectMany(c => c.ToBytes()), .. Fields.ToChunk(FmtSize),
            .. After.SelectMany(c => c.ToBytes()), .. data, .. Pcm];
    }

    /// <summary>
    /// Null when the stream must be accepted, otherwise a word the rejection must contain: the
    /// format's first fault, or the 64 KiB header cap (each chunk and the next chunk header must fit).
    /// </summary>
    public string? ExpectedFault()
    {
        long offset = 12;
        foreach (var (size, isFmt) in Before.Select(c => (c.DeclaredSize, false)).Append((FmtSize, true)).Concat(After.Select(c => (c.DeclaredSize, false))))
        {
            offset += 8;
            if (isFmt && size is < 16 or > 256)
            {
                return "fmt chunk";
            }

            var padded = size + (size & 1L);
            if (offset + padded + 8 > Cap)
            {
                return "header over";
            }

            if (isFmt && Fields.Fault(size) is { } fault)
            {
                return fault;
            }

            offset += padded;
        }

        return null;
    }

    public override string ToString() =>
        $"{Fields} fmt[{FmtSize}] before [{string.Join(", ", Before.AsEnumerable())}] after [{string.Join(", ", After.AsEnumerable())}] riff {RiffSize} data {DataSize} pcm {Pcm.Length} bytes";
}
