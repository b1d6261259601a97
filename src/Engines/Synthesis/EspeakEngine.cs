using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// The process's one espeak-ng synthesizer. The library keeps its voice, parameters and output
/// callback in globals, so every call goes through one lock and the state lives here, not in
/// <see cref="EspeakSynthesizer"/> instances. Initialized once, never terminated (the library lives
/// as long as the process).
/// </summary>
internal static unsafe class EspeakEngine
{
    public const string EngineName = "espeak-ng";

    private static readonly Lock Gate = new();
    private static int s_sampleRate;
    private static string? s_currentVoice;

    // Where the callback puts audio; set only while a synthesis holds the lock.
    private static ArrayBufferWriter<short>? s_sink;

    /// <summary>Initializes the library once; returns its sample rate (22,050 Hz).</summary>
    /// <exception cref="DllNotFoundException">libespeak-ng is not installed.</exception>
    /// <exception cref="SpeechSynthesisException">The library found no data.</exception>
    public static int Initialize(string? dataDirectory)
    {
        lock (Gate)
        {
            if (s_sampleRate == 0)
            {
                var rate = EspeakNative.espeak_Initialize(
                    EspeakNative.AudioOutputSynchronous, 0, dataDirectory, EspeakNative.InitializeDontExit);
                if (rate <= 0)
                {
                    throw new SpeechSynthesisException(EngineName, $"espeak_Initialize failed ({rate}); is espeak-ng-data installed?", rate);
                }

                EspeakNative.espeak_SetSynthCallback(&OnSynthesized);
                s_sampleRate = rate;
            }

            return s_sampleRate;
        }
    }

    public static IReadOnlyList<EspeakListedVoice> ListVoices()
    {
        lock (Gate)
        {
            var voices = new List<EspeakListedVoice>();
            for (var entry = EspeakNative.espeak_ListVoices(null); entry != null && *entry != null; entry++)
            {
                var voice = *entry;
                var languages = new List<(int, string)>();
                for (var p = voice->Languages; p != null && *p != 0;)
                {
                    var tag = Marshal.PtrToStringUTF8((nint)(p + 1)) ?? "";
                    languages.Add((*p, tag));
                    p += 2 + Encoding.UTF8.GetByteCount(tag);
                }

                voices.Add(new EspeakListedVoice(
                    Marshal.PtrToStringUTF8((nint)voice->Name) ?? "",
                    Marshal.PtrToStringUTF8((nint)voice->Identifier) ?? "",
                    voice->Gender,
                    languages));
            }

            return voices;
        }
    }

    /// <summary>Speaks <paramref name="text"/> with the voice named <paramref name="voiceName"/>.</summary>
    public static short[] Synthesize(string voiceName, string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        lock (Gate)
        {
            SelectVoice(voiceName);
            var sink = new ArrayBufferWriter<short>(Math.Max(4096, text.Length * 1200));
            s_sink = sink;
            try
            {
                fixed (byte* pointer = bytes)
                {
                    EspeakStatus.ThrowIfFailed(
                        EspeakNative.espeak_Synth(pointer, (nuint)bytes.Length, 0, EspeakNative.PositionCharacter, 0, EspeakNative.CharsUtf8, null, null),
                        "espeak_Synth");
                }
            }
            finally
            {
                s_sink = null;
            }

            return sink.WrittenSpan.ToArray();
        }
    }

    /// <summary>
    /// The IPA phonemes of <paramref name="text"/> in <paramref name="voiceName"/>'s language, one entry
    /// per clause as espeak-ng splits it, each with its text (so a caller sees the punctuation that
    /// ended it: Debian's 1.51 has no espeak_TextToPhonemesWithTerminator).
    /// </summary>
    public static IReadOnlyList<EspeakClause> TextToPhonemes(string voiceName, string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        var clauses = new List<EspeakClause>();
        lock (Gate)
        {
            SelectVoice(voiceName);
            fixed (byte* start = bytes)
            {
                var end = start + bytes.Length - 1;
                void* cursor = start;
                var textFrom = start;
                while (cursor != null && (byte*)cursor < end)
                {
                    var from = (byte*)cursor;
                    var phonemes = EspeakNative.espeak_TextToPhonemes(&cursor, (int)EspeakNative.CharsUtf8, EspeakNative.PhonemesIpa);
                    var to = cursor == null ? end : (byte*)cursor;
                    if (to <= from)
                    {
                        break; // no progress: never loop forever on text the library cannot consume
                    }

                    // Before the end it has read one character of the next clause ("Hello, w"; measured
                    // with 1.51): that character is not this clause's text.
                    var clauseEnd = to;
                    if (cursor != null && clauseEnd - from > 1)
                    {
                        do
                        {
                            clauseEnd--;
                        }
                        while (clauseEnd > from && (*clauseEnd & 0xC0) == 0x80);
                    }

                    clauses.Add(new EspeakClause(
                        Marshal.PtrToStringUTF8((nint)phonemes) ?? "",
                        Encoding.UTF8.GetString(textFrom, (int)(clauseEnd - textFrom))));
                    textFrom = clauseEnd;
                }
            }
        }

        return clauses;
    }

    // Called under the lock.
    private static void SelectVoice(string voiceName)
    {
        if (s_currentVoice != voiceName)
        {
            // A name it does not know returns EE_NOT_FOUND and silently keeps the previous voice.
            EspeakStatus.ThrowIfFailed(EspeakNative.espeak_SetVoiceByName(voiceName), $"espeak_SetVoiceByName(\"{voiceName}\")");
            s_currentVoice = voiceName;
        }
    }

    // A static function pointer: nothing for the GC to move or collect, unlike a delegate.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSynthesized(short* samples, int count, void* events)
    {
        if (samples != null && count > 0)
        {
            s_sink?.Write(new ReadOnlySpan<short>(samples, count));
        }

        return 0;
    }
}
