namespace SpeechCluster.Engines.Synthesis;

/// <summary>Settings of <see cref="EspeakSynthesizer"/>.</summary>
public sealed class EspeakOptions
{
    /// <summary>
    /// The folder that contains <c>espeak-ng-data</c>, or <c>null</c> for the library's own default
    /// (Debian: <c>/usr/lib/x86_64-linux-gnu</c>). The library is initialized once per process, so
    /// only the first synthesizer's setting counts. Default: <c>null</c>.
    /// </summary>
    public string? DataDirectory { get; set; }
}
