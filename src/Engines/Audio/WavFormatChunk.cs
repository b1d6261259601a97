using System.Buffers.Binary;

namespace SpeechCluster.Engines.Audio;

/// <summary>Reads a RIFF <c>fmt </c> chunk body and decides whether we can take its audio.</summary>
internal static class WavFormatChunk
{
    public const int MinSize = 16;

    /// <summary>WAVEFORMATEXTENSIBLE is 40 bytes; a few codecs add more, but nothing we accept needs 256.</summary>
    public const int MaxSize = 256;

    public const int MinSampleRate = 8000;
    public const int MaxSampleRate = 48000;

    private const int ExtensibleTag = 0xFFFE;
    private const int ExtensibleSize = 40;

    // Bytes 2-15 of every KSDATAFORMAT_SUBTYPE_* GUID that wraps a classic format tag
    // ({tag-0000-0010-8000-00AA00389B71}); bytes 0-1 are the tag itself.
    private static ReadOnlySpan<byte> SubFormatSuffix =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Parses <paramref name="body"/> (the chunk's declared size, pad byte excluded).</summary>
    /// <returns>The format when it is 16-bit mono PCM at 8-48 kHz; otherwise null and a reason.</returns>
    public static AudioFormat? Parse(ReadOnlySpan<byte> body, out string? reason)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);

        reason = tag == ExtensibleTag ? CheckSubFormat(body) : CheckTag(tag);
        reason ??= channels != 1 ? $"WAV has {channels} channels; send mono"
            : bits != 16 ? $"WAV has {bits}-bit samples; send 16-bit PCM"
            : sampleRate is < MinSampleRate or > MaxSampleRate
                ? $"WAV sample rate {sampleRate} Hz is outside {MinSampleRate}-{MaxSampleRate} Hz"
            : null;

        return reason is null ? new AudioFormat(tag, channels, (int)sampleRate, bits) : null;
    }

    private static string? CheckTag(int tag) =>
        tag == AudioFormat.PcmTag ? null : $"WAV format {Describe(tag)} is not supported; send 16-bit PCM";

    private static string? CheckSubFormat(ReadOnlySpan<byte> body)
    {
        if (body.Length < ExtensibleSize)
        {
            return $"extensible fmt chunk of {body.Length} bytes is too short ({ExtensibleSize} needed)";
        }

        var subFormat = body.Slice(24, 16);
        if (!subFormat[2..].SequenceEqual(SubFormatSuffix))
        {
            return "WAV extensible sub-format is an unknown GUID; send 16-bit PCM";
        }

        var subTag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
        return subTag == AudioFormat.PcmTag
            ? null
            : $"WAV extensible sub-format {Describe(subTag)} is not supported; send 16-bit PCM";
    }

    /// <summary>A format tag as people know it, e.g. "IEEE float (0x0003)".</summary>
    internal static string Describe(int tag)
    {
        var name = tag switch
        {
            0x0001 => "PCM",
            0x0002 => "MS ADPCM",
            0x0003 => "IEEE float",
            0x0006 => "A-law",
            0x0007 => "mu-law",
            0x0011 => "IMA ADPCM",
            0x0031 => "GSM 6.10",
            0x0050 => "MPEG",
            0x0055 => "MP3",
            0x00FF or 0x1610 => "AAC",
            0x0161 or 0x0162 or 0x0163 => "WMA",
            0xF1AC => "FLAC",
            _ => "tag",
        };
        return $"{name} (0x{tag:X4})";
    }
}
