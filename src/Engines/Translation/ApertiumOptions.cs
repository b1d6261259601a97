namespace SpeechCluster.Engines.Translation;

/// <summary>Settings of <see cref="ApertiumTranslator"/>.</summary>
public sealed class ApertiumOptions
{
    public const string SectionName = "SpeechCluster:Engines:Apertium";

    /// <summary>
    /// Folders searched for Apertium <c>*.mode</c> files; a missing folder is skipped, and a mode found
    /// in an earlier folder wins. Default: <c>/usr/share/apertium/modes</c>, <c>/usr/local/share/apertium/modes</c>.
    /// </summary>
    public IList<string> ModesDirectories { get; set; } =
        ["/usr/share/apertium/modes", "/usr/local/share/apertium/modes"];

    /// <summary>
    /// The language that bridges two languages without a direct pair (ISO 639-1), or <c>null</c> for
    /// no pivoting. Default: <c>es</c>, the hub of most Apertium pairs.
    /// </summary>
    public string? PivotLanguage { get; set; } = "es";

    /// <summary>
    /// How long one segment may take in one pipeline, its start-up included (loading the largest
    /// pairs takes about 1.5 s on a busy 2-core machine); past it the pipeline is killed and restarted.
    /// Default: 10 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether each <c>lt-proc</c> stage runs under <c>stdbuf -o0</c>, which some lttoolbox builds need
    /// to hand on a segment before the next one arrives. Debian 12's lttoolbox 3.7.1 flushes on NUL by
    /// itself, and without the wrapper gives the same output about 40% faster (measured, 161 sentences).
    /// Default: <c>true</c> (safe everywhere).
    /// </summary>
    public bool UnbufferLtProc { get; set; } = true;

    /// <summary>
    /// Pipelines per translation direction, started as concurrent segments need them: one pipeline takes
    /// one segment at a time, and every conversation's partials and finals go through it. Each costs
    /// about ten processes. Default: 2.
    /// </summary>
    public int PipelinesPerDirection { get; set; } = 2;
}
