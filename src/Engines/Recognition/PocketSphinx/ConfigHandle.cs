using Microsoft.Win32.SafeHandles;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// Owns one reference to a <c>cmd_ln_t*</c>. The library counts references: a decoder made from
/// it keeps its own, so this handle may be released as soon as <c>ps_init</c> returns.
/// </summary>
internal sealed class ConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConfigHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => SphinxBaseNative.FreeArguments(handle) >= 0;
}
