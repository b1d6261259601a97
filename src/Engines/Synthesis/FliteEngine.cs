using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>
/// The process's flite state. flite does not promise thread safety (voices share the lexicon and
/// the library reports errors through globals), so every call goes through one lock. Voices are
/// registered once per process and never freed: a register function returns the library's own
/// global voice, which a second registration would hand out again.
/// </summary>
internal static unsafe class FliteEngine
{
    public const string EngineName = "flite";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, nint> Voices = new(StringComparer.Ordinal);
    private static bool s_initialized;

    /// <exception cref="DllNotFoundException">libflite is not installed.</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (!s_initialized)
            {
                FliteNative.flite_init();
                s_initialized = true;
            }
        }
    }

    /// <summary>Registers a voice; returns its <c>cst_voice*</c>, or 0 when its library is missing.</summary>
    public static nint LoadVoice(FliteVoiceDefinition definition)
    {
        lock (Gate)
        {
            if (Voices.TryGetValue(definition.Library, out var loaded))
            {
                return loaded;
            }

            if (!NativeLibrary.TryLoad(definition.Library, out var library) ||
                !NativeLibrary.TryGetExport(library, definition.RegisterFunction, out var register))
            {
                return 0;
            }

            var voice = ((delegate* unmanaged[Cdecl]<byte*, nint>)register)(null);
            if (voice != 0)
            {
                Voices[definition.Library] = voice;
            }

            return voice;
        }
    }

    /// <summary>Speaks <paramref name="text"/>; returns mono samples and their rate.</summary>
    public static (short[] Samples, int SampleRate) Synthesize(nint voice, string text)
    {
        lock (Gate)
        {
            using var handle = FliteNative.flite_text_to_wave(text, voice);
            if (handle.IsInvalid)
            {
                throw new SpeechSynthesisException(EngineName, "flite_text_to_wave returned no wave.");
            }

            var wave = (FliteNative.Wave*)handle.DangerousGetHandle();
            if (wave->ChannelCount != 1 || wave->SampleRate <= 0 || wave->SampleCount < 0)
            {
                throw new SpeechSynthesisException(EngineName,
                    $"unexpected wave: {wave->ChannelCount} channels, {wave->SampleRate} Hz, {wave->SampleCount} samples.");
            }

            // Copied out before the handle frees the wave.
            var samples = wave->SampleCount == 0 ? [] : new ReadOnlySpan<short>(wave->Samples, wave->SampleCount).ToArray();
            return (samples, wave->SampleRate);
        }
    }
}
