namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Guards of one decode against Whisper's hallucinations.
/// </summary>
/// <param name="MaxTokens">Most text tokens generated (the decoder's context is 448 positions, prompt included).</param>
/// <param name="RepetitionLimit">
/// Most times one n-gram may occur back to back at the end of the text: one more and decoding stops,
/// keeping a single copy (a looping decoder writes "gracias. gracias. gracias. ..." forever).
/// </param>
/// <param name="LongestRepeatedNgram">Longest n-gram, in tokens, that the repetition check looks for.</param>
public sealed record WhisperDecodeLimits(int MaxTokens, int RepetitionLimit = 4, int LongestRepeatedNgram = 24);
