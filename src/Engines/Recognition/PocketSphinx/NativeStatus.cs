using System.Runtime.InteropServices;

namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>Turns PocketSphinx status codes and NULL results into <see cref="PocketSphinxException"/>.</summary>
internal static class NativeStatus
{
    /// <summary>PocketSphinx reports failure with a negative return value; returns it when not.</summary>
    public static int Check(int status, string function) =>
        status >= 0 ? status : throw new PocketSphinxException(function, status, "the library reported an error (its log is off by default; see PocketSphinxOptions.NativeLogFile)");

    /// <summary>Throws when a constructor function returned NULL.</summary>
    public static T Check<T>(T handle, string function, string hint)
        where T : SafeHandle
    {
        if (!handle.IsInvalid)
        {
            return handle;
        }

        handle.Dispose();
        throw new PocketSphinxException(function, 0, hint);
    }
}
