namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// One decode in a <see cref="WhisperModel"/> batch: the log-mel features of up to 30 s (computed on
/// the caller's thread, so that the model's lanes only run the model), the prompt of each candidate
/// language, and the limits. With one prompt it is transcribed in that language; with several the
/// language is detected among them first, from each prompt's second token (its language's, see
/// <see cref="WhisperModel.Prompt"/>).
/// </summary>
internal sealed record WhisperRequest(float[] Features, IReadOnlyList<int[]> Prompts, WhisperDecodeLimits Limits)
{
    public bool Detects => Prompts.Count > 1;
}

/// <summary>What a <see cref="WhisperRequest"/> gives: the index of the prompt it was transcribed with (the language) and the text tokens.</summary>
internal sealed record WhisperResult(int Language, IReadOnlyList<int> Tokens);
