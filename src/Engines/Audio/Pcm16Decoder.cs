using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// Turns little-endian 16-bit PCM bytes into samples across calls: a message may end in the middle
/// of a sample, so an odd trailing byte waits for the next call.
/// </summary>
/// <remarks>Not thread-safe; one per stream.</remarks>
internal sealed class Pcm16Decoder
{
    private bool _hasOddByte;
    private byte _oddByte;

    /// <summary>Appends every sample <paramref name="data"/> completes; returns how many.</summary>
    public int Decode(ReadOnlySpan<byte> data, IBufferWriter<short> samples)
    {
        var count = (data.Length + (_hasOddByte ? 1 : 0)) / 2;
        if (count == 0)
        {
            if (!data.IsEmpty)
            {
                (_hasOddByte, _oddByte) = (true, data[0]);
            }

            return 0;
        }

        var destination = samples.GetSpan(count)[..count];
        if (_hasOddByte)
        {
            destination[0] = (short)(_oddByte | (data[0] << 8));
            destination = destination[1..];
            data = data[1..];
        }

        var whole = MemoryMarshal.Cast<byte, short>(data[..(destination.Length * 2)]);
        if (BitConverter.IsLittleEndian)
        {
            whole.CopyTo(destination);
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(whole, destination);
        }

        _hasOddByte = (data.Length & 1) == 1;
        if (_hasOddByte)
        {
            _oddByte = data[^1];
        }

        samples.Advance(count);
        return count;
    }
}
