using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// The entry points of <c>libpocketsphinx.so.3</c> (Debian's 5prealpha) that the recognizer uses.
/// Strings the library returns belong to it: they come back as pointers and are copied at once.
/// </summary>
internal static partial class PocketSphinxNative
{
    public const string Library = "libpocketsphinx.so.3";

    /// <summary>The decoder's argument definitions, for <c>cmd_ln_parse_r</c>. Static data.</summary>
    [LibraryImport(Library, EntryPoint = "ps_args")]
    public static partial nint Args();

    /// <summary>Creates a decoder; it keeps its own reference to <paramref name="config"/>.</summary>
    [LibraryImport(Library, EntryPoint = "ps_init")]
    public static partial DecoderHandle Init(ConfigHandle config);

    [LibraryImport(Library, EntryPoint = "ps_free")]
    public static partial int Free(nint decoder);

    [LibraryImport(Library, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_process_raw")]
    public static unsafe partial int ProcessRaw(DecoderHandle decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(Library, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(DecoderHandle decoder);

    /// <summary>The best hypothesis so far, or 0; the text is valid until the next decoder call.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_hyp")]
    public static partial nint GetHypothesis(DecoderHandle decoder, out int bestScore);

    [LibraryImport(Library, EntryPoint = "ps_get_n_frames")]
    public static partial int GetFrameCount(DecoderHandle decoder);

    /// <summary>The decoder's feature extractor (<c>feat_t*</c>), owned by the decoder.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_feat")]
    public static partial nint GetFeature(DecoderHandle decoder);

    /// <summary>An iterator over the best hypothesis' words, or an invalid handle when there is none.</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_iter")]
    public static partial SegmentIteratorHandle SegmentIterator(DecoderHandle decoder);

    /// <summary>Advances; returns 0 at the end, having freed the iterator.</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_next")]
    public static partial nint SegmentNext(nint segment);

    /// <summary>The word of the current segment, valid until the iterator moves.</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_word")]
    public static partial nint SegmentWord(SegmentIteratorHandle segment);

    /// <summary>First and last frame (inclusive) of the current segment, 100 frames per second.</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_frames")]
    public static partial void SegmentFrames(SegmentIteratorHandle segment, out int startFrame, out int endFrame);

    [LibraryImport(Library, EntryPoint = "ps_seg_free")]
    public static partial void SegmentFree(nint segment);
}
