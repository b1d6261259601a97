using System.Buffers;
using System.Buffers.Binary;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// Reads the client audio stream of one connection: a RIFF/WAVE header of any chunk layout, then
/// 16-bit PCM, arriving in pieces cut anywhere.
/// Real clients send a 44-byte header, a 46-byte one (<c>fmt </c> of 18 bytes), or a whole file
/// with <c>LIST</c> chunks, alone or glued to the first PCM bytes.
/// </summary>
/// <remarks>
/// One instance per connection; not thread-safe. Chunks are walked until the <c>data</c> chunk header;
/// everything after it is PCM whatever its message boundaries. The RIFF and data size fields are
/// ignored (clients send 0, real sizes or 0xFFFFFFFF), and so are the byte rate and block align,
/// which follow from the fields that are checked. At most <see cref="MaxHeaderBytes"/> bytes of
/// header are taken, so a lying size field cannot make the parser wait forever. Once
/// <see cref="WavFeedStatus.Invalid"/>, every later call returns the same result.
/// </remarks>
public sealed class WavStreamParser
{
    /// <summary>The most bytes (RIFF header and chunks) allowed before the PCM starts: 64 KiB.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    private const int RiffHeaderSize = 12;
    private const int ChunkHeaderSize = 8;

    private enum Stage { RiffHeader, ChunkHeader, FmtBody, SkipChunk, Pcm, Invalid }

    // Holds a partly received RIFF header, chunk header or fmt body (the largest).
    private readonly byte[] _scratch = new byte[WavFormatChunk.MaxSize + 1];
    private readonly Pcm16Decoder _pcm = new();
    private Stage _stage = Stage.RiffHeader;
    private int _needed = RiffHeaderSize;
    private int _collected;
    private int _fmtSize;
    private long _skipRemaining;
    private WavFeedResult _rejection;

    /// <summary>The format the header declares; null until its <c>fmt </c> chunk has been accepted.</summary>
    public AudioFormat? Format { get; private set; }

    /// <summary>Bytes taken as header so far (all of it once audio flows): PCM offsets start after these.</summary>
    public long HeaderBytes { get; private set; }

    /// <summary>Samples written since the start of the stream.</summary>
    public long SamplesWritten { get; private set; }

    /// <summary>
    /// Takes the next bytes of the stream and appends every whole sample they complete to
    /// <paramref name="samples"/>; an odd trailing byte is kept for the next call.
    /// </summary>
    public WavFeedResult Feed(ReadOnlySpan<byte> data, IBufferWriter<short> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        while (!data.IsEmpty && _stage is not (Stage.Pcm or Stage.Invalid))
        {
            data = _stage == Stage.SkipChunk ? Skip(data) : Collect(data);
        }

        return _stage switch
        {
            Stage.Invalid => _rejection,
            Stage.Pcm => WavFeedResult.Audio(WritePcm(data, samples)),
            _ => WavFeedResult.NeedMore,
        };
    }

    private ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> data)
    {
        var count = (int)Math.Min(_skipRemaining, data.Length);
        _skipRemaining -= count;
        HeaderBytes += count;
        if (_skipRemaining == 0)
        {
            Expect(Stage.ChunkHeader, ChunkHeaderSize);
        }

        return data[count..];
    }

    private ReadOnlySpan<byte> Collect(ReadOnlySpan<byte> data)
    {
        var count = Math.Min(_needed - _collected, data.Length);
        data[..count].CopyTo(_scratch.AsSpan(_collected));
        _collected += count;
        HeaderBytes += count;
        if (_collected == _needed)
        {
            var collected = _scratch.AsSpan(0, _needed);
            switch (_stage)
            {
                case Stage.RiffHeader:
                    OnRiffHeader(collected);
                    break;
                case Stage.ChunkHeader:
                    OnChunkHeader(collected);
                    break;
                default:
                    OnFmtBody(collected[.._fmtSize]);
                    break;
            }
        }

        return data[count..];
    }

    private void OnRiffHeader(ReadOnlySpan<byte> header)
    {
        if (!header.StartsWith("RIFF"u8) || !header[8..].SequenceEqual("WAVE"u8))
        {
            var found = header.StartsWith("RIFF"u8) ? header[8..] : header[..4];
            Reject($"not a WAV stream: expected RIFF....WAVE, got {FourCc.Describe(found)}");
            return;
        }

        Expect(Stage.ChunkHeader, ChunkHeaderSize);
    }

    private void OnChunkHeader(ReadOnlySpan<byte> header)
    {
        var id = header[..4];
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (id.SequenceEqual("data"u8))
        {
            if (Format is null)
            {
                Reject("WAV data chunk came before any fmt chunk");
                return;
            }

            _stage = Stage.Pcm;
            return;
        }

        if (id.SequenceEqual("fmt "u8) && size is < WavFormatChunk.MinSize or > WavFormatChunk.MaxSize)
        {
            Reject($"WAV fmt chunk of {size} bytes is absurd ({WavFormatChunk.MinSize}-{WavFormatChunk.MaxSize})");
            return;
        }

        // RIFF pads odd-sized chunks to an even length; the data chunk header must fit in the cap too.
        var padded = size + (size & 1L);
        if (HeaderBytes + padded + ChunkHeaderSize > MaxHeaderBytes)
        {
            Reject($"WAV {FourCc.Describe(id)} chunk of {size} bytes: header over {MaxHeaderBytes} bytes");
        }
        else if (id.SequenceEqual("fmt "u8))
        {
            _fmtSize = (int)size;
            Expect(Stage.FmtBody, (int)padded);
        }
        else if (padded == 0)
        {
            Expect(Stage.ChunkHeader, ChunkHeaderSize);
        }
        else
        {
            _stage = Stage.SkipChunk;
            _skipRemaining = padded;
        }
    }

    private void OnFmtBody(ReadOnlySpan<byte> body)
    {
        var format = WavFormatChunk.Parse(body, out var reason);
        if (format is null)
        {
            Reject(reason!);
            return;
        }

        Format = format;
        Expect(Stage.ChunkHeader, ChunkHeaderSize);
    }

    private void Expect(Stage stage, int bytes)
    {
        _stage = stage;
        _needed = bytes;
        _collected = 0;
    }

    private void Reject(string reason)
    {
        _stage = Stage.Invalid;
        _rejection = WavFeedResult.Invalid(reason);
    }

    private int WritePcm(ReadOnlySpan<byte> data, IBufferWriter<short> samples)
    {
        var count = _pcm.Decode(data, samples);
        SamplesWritten += count;
        return count;
    }
}
