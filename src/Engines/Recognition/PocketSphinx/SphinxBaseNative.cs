using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>The entry points of <c>libsphinxbase.so.3</c>: configuration and the library's logger.</summary>
internal static partial class SphinxBaseNative
{
    public const string Library = "libsphinxbase.so.3";

    /// <summary>
    /// Parses name/value pairs against <paramref name="definitions"/> (from <c>ps_args()</c>).
    /// Unlike the variadic <c>cmd_ln_init</c> this can be called through interop.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "cmd_ln_parse_r")]
    public static partial ConfigHandle ParseArguments(nint previous, nint definitions, int count, nint[] arguments, int strict);

    [LibraryImport(Library, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeArguments(nint config);

    /// <summary>Sends the library's log to <paramref name="stream"/> (a <c>FILE*</c>); 0 turns it off.</summary>
    [LibraryImport(Library, EntryPoint = "err_set_logfp")]
    public static partial void SetLogStream(nint stream);

    /// <summary>Appends the library's log to a file. Process-wide, like every sphinxbase log setting.</summary>
    [LibraryImport(Library, EntryPoint = "err_set_logfile", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLogFile(string path);
}
