using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// libespeak-ng (GPL-3), bound at run time: nothing links against it, and the first call into a
/// machine without it throws <see cref="DllNotFoundException"/> (see <see cref="EspeakSynthesizer.TryCreate"/>).
/// The library is one synthesizer per process; callers serialize (see <see cref="EspeakEngine"/>).
/// </summary>
internal static unsafe partial class EspeakNative
{
    public const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2;
    public const int InitializeDontExit = 0x8000;
    public const int PositionCharacter = 1;
    public const uint CharsUtf8 = 1;

    /// <summary>espeak_TextToPhonemes' phonememode bit 1: IPA as UTF-8 rather than espeak's ASCII names.</summary>
    public const int PhonemesIpa = 0x02;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int espeak_Initialize(int output, int bufferLength, string? path, int options);

    [LibraryImport(Library)]
    public static partial void espeak_SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, void*, int> callback);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int espeak_SetVoiceByName(string name);

    [LibraryImport(Library)]
    public static partial int espeak_Synth(
        byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, void* userData);

    /// <summary>
    /// Translates the next clause of the text at <paramref name="textPointer"/> (advanced past it, or set
    /// to NULL at the end). The returned UTF-8 string is the library's and valid until the next call.
    /// </summary>
    [LibraryImport(Library)]
    public static partial byte* espeak_TextToPhonemes(void** textPointer, int textMode, int phonemeMode);

    /// <summary>A NULL-terminated array owned by the library, valid until the next call.</summary>
    [LibraryImport(Library)]
    public static partial Voice** espeak_ListVoices(Voice* voiceSpec);

    /// <summary>espeak_VOICE; strings are UTF-8 and owned by the library.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Voice
    {
        public byte* Name;

        /// <summary>Pairs of a priority byte and a NUL-terminated tag, ended by a zero priority.</summary>
        public byte* Languages;

        public byte* Identifier;
        public byte Gender;
        public byte Age;
        public byte Variant;
        public byte Reserved;
        public int Score;
        public void* Spare;
    }
}
