namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// Settings of <see cref="PocketSphinxRecognizer"/>. Defaults are Debian's <c>pocketsphinx-en-us</c>
/// model and the settings measured best for streaming (see bench/AsrEval).
/// </summary>
public sealed class PocketSphinxOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SpeechCluster:Engines:PocketSphinx";

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
    /// when all are leased, further streams wait. Default: 8.
    /// </summary>
    public int MaxDecoders { get; set; } = 8;

    /// <summary>Decoders created by <see cref="PocketSphinxRecognizer.WarmUpAsync"/> (each takes hundreds of ms). Default: 1.</summary>
    public int PrewarmDecoders { get; set; } = 1;

    /// <summary>
    /// Idle decoders kept ready: when a stream takes the last idle one, this many more are made in the
    /// background (within <see cref="MaxDecoders"/>), so the next utterance to start does not wait about
    /// a second for one to load. 0 makes a decoder only when a stream needs it. Default: 1.
    /// </summary>
    public int SpareDecoders { get; set; } = 1;

    /// <summary>How long the synchronous <see cref="ISpeechRecognizer.OpenStream"/> waits for a free decoder. Default: 10 s.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Extra decoder arguments, name to value (e.g. <c>["-beam"] = "1e-60"</c>); they override the
    /// defaults the recognizer passes. Default: none.
    /// </summary>
    public IDictionary<string, string> DecoderArguments { get; set; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether a stream also runs a catch-up pass for its final: a second decoder (taken only when
    /// one is free, never waited for) re-decodes the utterance on a background thread with the
    /// utterance's own cepstral mean, restarting when that mean has drifted and the pass has caught
    /// up. Measured on the dev set it lowers WER from 38.6% to 36.3% when Finish may wait for it,
    /// but on a busy 2-core machine it is rarely done within a 150 ms budget (median wait 0.8 s):
    /// worth it only with spare cores and a looser latency budget. Default: false, the final is the
    /// live pass's (which already normalises with the utterance's running mean).
    /// </summary>
    public bool CatchUpPass { get; set; }

    /// <summary>Mean drift (Euclidean, cepstral units, c0 at half weight) that restarts the catch-up pass. Default: 1.</summary>
    public double CatchUpRestartDistance { get; set; } = 1;

    /// <summary>How long <see cref="IRecognitionStream.Finish"/> waits for a late catch-up pass before it returns the live pass's final. Default: 1 s.</summary>
    public TimeSpan CatchUpWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>File that receives the library's own log (process-wide). Default: null, the log is off.</summary>
    public string? NativeLogFile { get; set; }

    /// <summary>Whether the model files are on this machine (a GPU silo image carries only neural models).</summary>
    public bool IsInstalled => Directory.Exists(AcousticModelPath) && File.Exists(LanguageModelPath) && File.Exists(DictionaryPath);
}
