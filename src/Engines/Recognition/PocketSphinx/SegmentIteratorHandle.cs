using Microsoft.Win32.SafeHandles;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// Owns a <c>ps_seg_t*</c> word iterator. At the end of the words the library frees the iterator
/// itself (<c>ps_seg_next</c> returns NULL), so the handle is then marked invalid; stopping early
/// (or an exception) frees it with <c>ps_seg_free</c>. Valid only while its decoder is not used.
/// </summary>
internal sealed class SegmentIteratorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SegmentIteratorHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Moves to the next word; false (and the handle invalid) at the end.</summary>
    public bool MoveNext()
    {
        var next = PocketSphinxNative.SegmentNext(handle);
        if (next == 0)
        {
            SetHandleAsInvalid();
            return false;
        }

        SetHandle(next);
        return true;
    }

    protected override bool ReleaseHandle()
    {
        PocketSphinxNative.SegmentFree(handle);
        return true;
    }
}
