using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Whisper;

public sealed partial class WhisperModel
{
    /// <summary>
    /// Whisper's own language detection, narrowed to each request's candidates, for the rows of a
    /// batch that detect, as one decoder run over those rows: the decoder reads
    /// <c>&lt;|startoftranscript|&gt;</c> alone, and the token it would write next is a language
    /// token; of a row's candidates' tokens, the likeliest wins (ties go to the earlier candidate).
    /// </summary>
    /// <remarks>
    /// It runs inside the batch, between the encoder and the transcription, rather than as batches of
    /// its own: it needs only the encoder's output, so each request's audio is encoded once, and the
    /// detected rows then join the fixed-language rows in one transcription batch; batches of their
    /// own would wait another batching window and encode the audio twice.
    /// </remarks>
    /// <returns>Per request, the index of the prompt to transcribe with: the language detected, or 0 for a request that does not detect.</returns>
    private int[] DetectLanguages(RunOptions run, OrtValue encoderStates, IReadOnlyList<WhisperRequest> requests)
    {
        var chosen = new int[requests.Count];
        int[] rows = [.. Enumerable.Range(0, requests.Count).Where(row => requests[row].Detects)];
        if (rows.Length == 0)
        {
            return chosen;
        }

        using var detecting = rows.Length == requests.Count ? null : OrtRows.Gather(encoderStates, rows);
        using var start = OrtValue.CreateTensorValueFromMemory(Enumerable.Repeat((long)_startOfTranscript, rows.Length).ToArray(), [rows.Length, 1]);
        var names = new List<string> { WhisperSignature.InputIds, WhisperSignature.EncoderHiddenStates };
        var values = new List<OrtValue> { start, detecting ?? encoderStates };
        var madeHere = values.Count;
        _merged?.AddFirstStepInputs(names, values, rows.Length);
        // Only the logits: this step's caches are not reused, the transcription starts its own with the full prompt.
        using var step = RunAndDispose(_decoder, run, names, values, madeHere, [WhisperSignature.Logits]);
        for (var i = 0; i < rows.Length; i++)
        {
            var last = LastPosition(step[0], i);
            var prompts = requests[rows[i]].Prompts;
            var best = 0;
            for (var candidate = 1; candidate < prompts.Count; candidate++)
            {
                if (last[prompts[candidate][1]] > last[prompts[best][1]])
                {
                    best = candidate;
                }
            }

            chosen[rows[i]] = best;
        }

        return chosen;
    }
}
