using Microsoft.Win32.SafeHandles;

namespace SpeechCluster.Engines.Audio;

/// <summary>Owns one <c>lame_global_flags*</c>: an encoder context, freed with <c>lame_close</c>.</summary>
internal sealed class LameSafeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public LameSafeHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => LameNative.Close(handle) == 0;
}
