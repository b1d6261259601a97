namespace SpeechCluster.Engines.Recognition.PocketSphinx;

/// <summary>
/// Where sphinxbase writes its log. The setting is process-wide and the library's own callback
/// hook is variadic (it cannot be implemented in C#), so the log is either off or a file.
/// </summary>
internal static class NativeLog
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>Turns the log off unless <see cref="UseFile"/> chose a file first. Idempotent.</summary>
    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (!_configured)
            {
                SphinxBaseNative.SetLogStream(0);
                _configured = true;
            }
        }
    }

    /// <summary>Appends the library's log to <paramref name="path"/> (or turns it off for null).</summary>
    public static void UseFile(string? path)
    {
        lock (Gate)
        {
            if (path is null)
            {
                SphinxBaseNative.SetLogStream(0);
            }
            else
            {
                NativeStatus.Check(SphinxBaseNative.SetLogFile(path), "err_set_logfile");
            }

            _configured = true;
        }
    }
}
