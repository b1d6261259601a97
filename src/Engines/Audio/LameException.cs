namespace SpeechCluster.Engines.Audio;

/// <summary>LAME refused a setting or failed to encode.</summary>
public sealed class LameException : Exception
{
    public LameException(string function, int status)
        : base($"{function} failed with LAME status {status} ({Describe(status)})")
    {
        Function = function;
        Status = status;
    }

    /// <summary>The LAME function that failed, e.g. <c>lame_init_params</c>.</summary>
    public string Function { get; }

    /// <summary>Its negative return code.</summary>
    public int Status { get; }

    /// <summary>Turns a LAME return code into a result: a non-negative value passes through.</summary>
    /// <exception cref="LameException"><paramref name="status"/> is negative.</exception>
    internal static int ThrowIfFailed(int status, string function) =>
        status >= 0 ? status : throw new LameException(function, status);

    // Codes of lame_encode_buffer (lame.h); other functions return -1 for any failure.
    private static string Describe(int status) => status switch
    {
        -1 => "buffer too small or bad parameter",
        -2 => "out of memory",
        -3 => "lame_init_params not called",
        -4 => "psychoacoustic problem",
        _ => "unknown",
    };
}
