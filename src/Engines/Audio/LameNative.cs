using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Audio;

/// <summary>LAME's C API (libmp3lame0 on Debian), as far as the MP3 encoder needs it.</summary>
/// <remarks>Functions returning int give 0 or a byte count on success and a negative code on failure.</remarks>
internal static partial class LameNative
{
    public const string Library = "libmp3lame.so.0";

    /// <summary>MPEG_mode MONO in lame.h.</summary>
    public const int MonoMode = 3;

    [LibraryImport(Library, EntryPoint = "lame_init")]
    public static partial LameSafeHandle Init();

    [LibraryImport(Library, EntryPoint = "lame_close")]
    public static partial int Close(nint flags);

    [LibraryImport(Library, EntryPoint = "lame_set_in_samplerate")]
    public static partial int SetInSampleRate(LameSafeHandle flags, int sampleRate);

    [LibraryImport(Library, EntryPoint = "lame_set_out_samplerate")]
    public static partial int SetOutSampleRate(LameSafeHandle flags, int sampleRate);

    [LibraryImport(Library, EntryPoint = "lame_set_num_channels")]
    public static partial int SetNumChannels(LameSafeHandle flags, int channels);

    [LibraryImport(Library, EntryPoint = "lame_set_mode")]
    public static partial int SetMode(LameSafeHandle flags, int mode);

    [LibraryImport(Library, EntryPoint = "lame_set_brate")]
    public static partial int SetBitrate(LameSafeHandle flags, int kilobitsPerSecond);

    [LibraryImport(Library, EntryPoint = "lame_init_params")]
    public static partial int InitParams(LameSafeHandle flags);

    /// <summary>For mono only <paramref name="left"/> is read; <paramref name="right"/> may be the same buffer.</summary>
    [LibraryImport(Library, EntryPoint = "lame_encode_buffer")]
    public static partial int EncodeBuffer(
        LameSafeHandle flags, ReadOnlySpan<short> left, ReadOnlySpan<short> right, int samples, Span<byte> mp3, int mp3Size);

    [LibraryImport(Library, EntryPoint = "lame_encode_flush")]
    public static partial int EncodeFlush(LameSafeHandle flags, Span<byte> mp3, int mp3Size);

    /// <summary>The finished Info (LAME) tag frame, which replaces the placeholder that starts the stream.</summary>
    [LibraryImport(Library, EntryPoint = "lame_get_lametag_frame")]
    public static partial nuint GetLameTagFrame(LameSafeHandle flags, Span<byte> buffer, nuint size);
}
