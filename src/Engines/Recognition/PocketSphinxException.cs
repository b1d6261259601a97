namespace SpeechCluster.Engines.Recognition;

/// <summary>A PocketSphinx call failed. <see cref="Function"/> names the native function.</summary>
public sealed class PocketSphinxException : Exception
{
    public PocketSphinxException(string function, int status, string message)
        : base($"{function} failed ({status}): {message}")
    {
        Function = function;
        Status = status;
    }

    /// <summary>The native function that failed, e.g. <c>ps_start_utt</c>.</summary>
    public string Function { get; }

    /// <summary>The status it returned (negative), or 0 where it returned a NULL pointer.</summary>
    public int Status { get; }
}
