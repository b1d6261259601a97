namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>Settings of <see cref="WhisperRecognizer"/> streams.</summary>
public sealed class WhisperOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SpeechCluster:Neural:Whisper";

    /// <summary>
    /// New audio after which a stream re-decodes its utterance for a fresh partial; in between it
    /// returns the last partial. Whisper decodes the whole window each time, so this is the cost knob. Default: 1 s.
    /// </summary>
    public TimeSpan PartialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Audio whose loudest 100 ms block is below this level (dBFS) is not decoded: Whisper tends to
    /// invent text ("Thank you.") for silence and noise. Default: -50 dBFS.
    /// </summary>
    public double SilenceThresholdDbfs { get; set; } = -50;

    /// <summary>Most text tokens of one 30 s window. Default: 224 (OpenAI's sample length, half the context).</summary>
    public int MaxTokens { get; set; } = 224;

    /// <summary>
    /// Token budget per second of audio on top of <see cref="TokenAllowance"/>: more text than the
    /// audio could hold is a hallucination. Default: 12 (speech runs about 3 to 6 tokens a second).
    /// </summary>
    public double MaxTokensPerSecond { get; set; } = 12;

    /// <summary>Tokens allowed whatever the duration. Default: 8.</summary>
    public int TokenAllowance { get; set; } = 8;

    /// <summary>Most back-to-back occurrences of one n-gram before decoding stops. Default: 4.</summary>
    public int RepetitionLimit { get; set; } = 4;

    /// <summary>Longest n-gram (tokens) the repetition check looks for. Default: 24.</summary>
    public int LongestRepeatedNgram { get; set; } = 24;

    internal WhisperDecodeLimits LimitsFor(int samples) => new(
        Math.Min(MaxTokens, TokenAllowance + (int)Math.Ceiling(MaxTokensPerSecond * samples / WhisperLogMel.SampleRate)),
        RepetitionLimit,
        LongestRepeatedNgram);
}
