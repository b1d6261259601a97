using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// libflite (BSD-style licence), bound at run time. The voices live in libraries of their own,
/// loaded by <see cref="FliteEngine"/> through <see cref="NativeLibrary"/> because each has its own
/// register function.
/// </summary>
internal static unsafe partial class FliteNative
{
    public const string Library = "libflite.so.1";

    [LibraryImport(Library)]
    public static partial int flite_init();

    /// <summary>Returns a wave the caller owns (freed by <see cref="FliteWaveHandle"/>), or NULL.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial FliteWaveHandle flite_text_to_wave(string text, nint voice);

    [LibraryImport(Library)]
    public static partial void delete_wave(nint wave);

    /// <summary>
    /// <c>cst_wave</c> as flite 2.x declares it (<c>cst_wave.h</c>): type name, sample rate, sample
    /// count (per channel), channel count, then the interleaved 16-bit samples. Sequential layout
    /// gives the C offsets on LP64 (0, 8, 12, 16, 24); a flite that changed this struct would need a
    /// new binding, which the tests' rate and duration checks would show.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Wave
    {
        public byte* Type;
        public int SampleRate;
        public int SampleCount;
        public int ChannelCount;
        public short* Samples;
    }
}
