namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// Settings of <see cref="PocketSphinxRecognizer"/>. Defaults are Debian's <c>pocketsphinx-en-us</c>
/// model and the settings measured best for streaming (see bench/AsrEval).
/// </summary>
public sealed class PocketSphinxOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Recognition:PocketSphinx";

    /// <summary>The locale the model recognizes. Default: <c>en-US</c>.</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>Acoustic model folder (<c>-hmm</c>). Default: <c>/usr/share/pocketsphinx/model/en-us/en-us</c>.</summary>
    public string AcousticModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>Language model (<c>-lm</c>). Default: <c>/usr/share/pocketsphinx/model/en-us/en-us.lm.bin</c>.</summary>
    public string LanguageModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>Pronunciation dictionary (<c>-dict</c>). Default: <c>/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict</c>.</summary>
    public string DictionaryPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>
    /// Most decoders the process keeps (about 92 MiB each). A stream holds one for its utterance;
    /// when all are leased, further streams wait. Default: 4.
    /// </summary>
    public int MaxDecoders { get; set; } = 4;

    /// <summary>Decoders created by <see cref="PocketSphinxRecognizer.WarmUpAsync"/> (each takes hundreds of ms). Default: 1.</summary>
    public int PrewarmDecoders { get; set; } = 1;

    /// <summary>How long the synchronous <see cref="ISpeechRecognizer.OpenStream"/> waits for a free decoder. Default: 10 s.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Extra decoder arguments, name to value (e.g. <c>["-beam"] = "1e-60"</c>); they override the
    /// defaults the recognizer passes. Default: none.
    /// </summary>
    public IDictionary<string, string> DecoderArguments { get; set; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether a stream makes its final with a catch-up pass: a second decoder (taken only when one
    /// is free) re-decodes the utterance in the background with the utterance's own cepstral mean,
    /// restarting when that mean drifts. Default: true. Without it the final is the live pass's.
    /// </summary>
    public bool CatchUpPass { get; set; } = true;

    /// <summary>Mean drift (cepstral units, see bench/AsrEval) that restarts the catch-up pass. Default: 2.</summary>
    public double CatchUpRestartDistance { get; set; } = 2;

    /// <summary>How long <see cref="IRecognitionStream.Finish"/> waits for a late catch-up pass before it returns the live pass's final. Default: 300 ms.</summary>
    public TimeSpan CatchUpWait { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>File that receives the library's own log (process-wide). Default: null, the log is off.</summary>
    public string? NativeLogFile { get; set; }
}
