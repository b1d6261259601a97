using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Whisper;

public sealed partial class WhisperModel
{
    /// <summary>
    /// Runs one batch on the calling thread (one of the model's lanes): the encoder once on every
    /// request's features together, language detection for the requests that detect, then greedy
    /// decoding of all rows together. Each request gets what it would get alone: every row has its
    /// own prompt, cache rows and guards.
    /// </summary>
    private IReadOnlyList<WhisperResult> RunBatch(IReadOnlyList<WhisperRequest> requests)
    {
        using var run = new RunOptions();
        var rowSize = Features.MelBins * WhisperLogMel.Frames;
        var features = new float[requests.Count * rowSize];
        for (var row = 0; row < requests.Count; row++)
        {
            requests[row].Features.CopyTo(features, row * rowSize);
        }

        using var input = OrtValue.CreateTensorValueFromMemory(features, [requests.Count, Features.MelBins, WhisperLogMel.Frames]);
        using var encoded = _encoder.Run(run, [WhisperSignature.InputFeatures], [input], [WhisperSignature.LastHiddenState]);
        var languages = DetectLanguages(run, encoded[0], requests);
        var tokens = new IReadOnlyList<int>[requests.Count];

        // The decoder has no attention mask to pad prompts with, so rows step together only when
        // their prompts are as long (always, within one model: see Prompt).
        foreach (var group in Enumerable.Range(0, requests.Count).GroupBy(row => requests[row].Prompts[languages[row]].Length))
        {
            int[] rows = [.. group];
            using var states = rows.Length == requests.Count ? null : OrtRows.Gather(encoded[0], rows);
            var generated = GenerateGreedy(
                run,
                states ?? encoded[0],
                [.. rows.Select(row => requests[row].Prompts[languages[row]])],
                [.. rows.Select(row => requests[row].Limits)]);
            for (var i = 0; i < rows.Length; i++)
            {
                tokens[rows[i]] = generated[i];
            }
        }

        return [.. tokens.Select((text, row) => new WhisperResult(languages[row], text))];
    }
}
