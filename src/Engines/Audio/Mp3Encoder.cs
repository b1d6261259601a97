using System.Buffers;

namespace SpeechCluster.Engines.Audio;

/// <summary>
/// Encodes a TTS segment as a constant-bitrate mono MP3 stream at <see cref="SampleRate"/>, through
/// LAME (<c>libmp3lame.so.0</c>, loaded at first use). When a frame is large enough to hold it
/// (at least 180 bytes: 40 kbit/s at 16 kHz, 64 kbit/s at 24 kHz), the stream starts with an Info
/// (LAME) tag frame, which lets players drop the encoder delay (about 1105 samples) and padding.
/// </summary>
/// <remarks>
/// Thread-safe: every <see cref="Encode"/> call has its own LAME context (cheap next to encoding,
/// which runs at about 0.0024 of real time). LAME resamples the input itself.
/// </remarks>
public sealed class Mp3Encoder : IAudioEncoder
{
    /// <summary>The default bitrate: 64 kbit/s, clear speech and room for the Info tag at 16 and 24 kHz.</summary>
    public const int DefaultBitrateKbps = 64;

    private static readonly int[] SupportedRates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

    /// <param name="sampleRate">Rate of the MP3 stream: one of MPEG's 8000-48000 Hz rates (the protocol uses 16000 or 24000).</param>
    /// <param name="bitrateKbps">Constant bitrate in kbit/s (8-160 at 24 kHz and below; 32-320 above). Default 64.</param>
    public Mp3Encoder(int sampleRate, int bitrateKbps = DefaultBitrateKbps)
    {
        if (Array.IndexOf(SupportedRates, sampleRate) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "MP3 has no such sample rate");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bitrateKbps, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitrateKbps, 320);
        (SampleRate, BitrateKbps) = (sampleRate, bitrateKbps);
    }

    public int SampleRate { get; }

    public int BitrateKbps { get; }

    public string ContentType => "audio/mp3";

    /// <exception cref="LameException">LAME rejected the settings or failed.</exception>
    public byte[] Encode(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, StreamingResampler.MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, StreamingResampler.MaxSampleRate);
        using var lame = CreateContext(sampleRate);

        // LAME's own worst case is 1.25 bytes per sample plus 7200; counted at the output rate.
        var capacity = checked((int)(7200 + (long)samples.Length * SampleRate / sampleRate * 5 / 4));
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var mp3 = buffer.AsSpan(0, capacity);
            var length = LameException.ThrowIfFailed(
                LameNative.EncodeBuffer(lame, samples, samples, samples.Length, mp3, mp3.Length), "lame_encode_buffer");
            length += LameException.ThrowIfFailed(
                LameNative.EncodeFlush(lame, mp3[length..], mp3.Length - length), "lame_encode_flush");
            WriteLameTag(lame, mp3[..length]);
            return mp3[..length].ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private LameSafeHandle CreateContext(int inputRate)
    {
        var lame = LameNative.Init();
        if (lame.IsInvalid)
        {
            lame.Dispose();
            throw new LameException("lame_init", -2);
        }

        try
        {
            LameException.ThrowIfFailed(LameNative.SetInSampleRate(lame, inputRate), "lame_set_in_samplerate");
            LameException.ThrowIfFailed(LameNative.SetOutSampleRate(lame, SampleRate), "lame_set_out_samplerate");
            LameException.ThrowIfFailed(LameNative.SetNumChannels(lame, 1), "lame_set_num_channels");
            LameException.ThrowIfFailed(LameNative.SetMode(lame, LameNative.MonoMode), "lame_set_mode");
            LameException.ThrowIfFailed(LameNative.SetBitrate(lame, BitrateKbps), "lame_set_brate");
            LameException.ThrowIfFailed(LameNative.InitParams(lame), "lame_init_params");
            return lame;
        }
        catch
        {
            lame.Dispose();
            throw;
        }
    }

    // The stream begins with a placeholder frame LAME reserved for the tag; fill it in now that
    // the totals are known.
    private static void WriteLameTag(LameSafeHandle lame, Span<byte> mp3)
    {
        var size = (int)LameNative.GetLameTagFrame(lame, mp3, 0);
        if (size > 0 && size <= mp3.Length)
        {
            LameNative.GetLameTagFrame(lame, mp3, (nuint)size);
        }
    }
}
