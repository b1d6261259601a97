namespace SpeechCluster.Engines.Synthesis;

/// <summary>A speech engine reported a failure (its status code is kept).</summary>
public sealed class SpeechSynthesisException : Exception
{
    public SpeechSynthesisException(string engine, string message, int status = 0)
        : base($"{engine}: {message}")
    {
        Engine = engine;
        Status = status;
    }

    /// <summary>The engine that failed, e.g. <c>espeak-ng</c>.</summary>
    public string Engine { get; }

    /// <summary>The engine's own status code, 0 when it gave none.</summary>
    public int Status { get; }
}
