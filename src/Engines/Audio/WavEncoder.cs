using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// Writes a TTS segment as a complete WAV file: a 44-byte header (<c>fmt </c> of 16 bytes) with real
/// RIFF and data sizes, then 16-bit mono PCM at <see cref="SampleRate"/>.
/// </summary>
/// <remarks>
/// Thread-safe and stateless. The 44-byte form matters: Microsoft's SpeechTranslator app skips
/// exactly 44 bytes of a TTS segment before playing it.
/// </remarks>
public sealed class WavEncoder : IAudioEncoder
{
    public const int HeaderLength = 44;

    /// <param name="sampleRate">The rate of every file written, 8000-48000 Hz (the protocol uses 16000 or 24000).</param>
    public WavEncoder(int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, StreamingResampler.MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, StreamingResampler.MaxSampleRate);
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    public string ContentType => "audio/wav";

    /// <summary>Resamples <paramref name="samples"/> from <paramref name="sampleRate"/> when it differs.</summary>
    public byte[] Encode(ReadOnlySpan<short> samples, int sampleRate)
    {
        var resampler = new StreamingResampler(sampleRate, SampleRate);
        if (resampler.IsPassThrough)
        {
            return Write(samples);
        }

        // Resampled into a pooled buffer: the file is the only copy kept.
        using var resampled = new PooledBufferWriter<short>(resampler.MaxOutputLength(samples.Length));
        resampler.ProcessToEnd(samples, resampled);
        return Write(resampled.WrittenSpan);
    }

    private byte[] Write(ReadOnlySpan<short> pcm)
    {
        var file = new byte[HeaderLength + pcm.Length * 2];
        WriteHeader(file, pcm.Length * 2);
        var data = MemoryMarshal.Cast<byte, short>(file.AsSpan(HeaderLength));
        if (BitConverter.IsLittleEndian)
        {
            pcm.CopyTo(data);
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(pcm, data);
        }

        return file;
    }

    private void WriteHeader(Span<byte> header, int dataBytes)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(HeaderLength - 8 + dataBytes));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], AudioFormat.PcmTag);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(SampleRate * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
    }
}
