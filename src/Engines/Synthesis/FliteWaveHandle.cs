using Microsoft.Win32.SafeHandles;

namespace SpeechCluster.Engines.Synthesis;

/// <summary>Owns a <c>cst_wave*</c> from <c>flite_text_to_wave</c>; releasing calls <c>delete_wave</c>.</summary>
internal sealed class FliteWaveHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FliteWaveHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        FliteNative.delete_wave(handle);
        return true;
    }
}
