using Microsoft.Win32.SafeHandles;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>Owns one <c>ps_decoder_t*</c> (about 92 MiB of model state); releasing it calls <c>ps_free</c>.</summary>
internal sealed class DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PocketSphinxNative.Free(handle) >= 0;
}
