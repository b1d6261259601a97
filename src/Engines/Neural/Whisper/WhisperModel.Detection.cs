using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Whisper;

public sealed partial class WhisperModel
{
    /// <summary>
    /// Whisper's own language detection, narrowed to the candidates: the decoder reads
    /// <c>&lt;|startoftranscript|&gt;</c> alone, and the token it would write next is a language
    /// token; of the candidates' tokens, the likeliest wins (ties go to the earlier candidate).
    /// </summary>
    /// <returns>The index in <paramref name="languageTokens"/> of the language spoken.</returns>
    private int DetectLanguage(RunOptions run, OrtValue encoderStates, int[] languageTokens)
    {
        using var start = OrtValue.CreateTensorValueFromMemory(new[] { (long)_startOfTranscript }, [1, 1]);
        var names = new List<string> { WhisperSignature.InputIds, WhisperSignature.EncoderHiddenStates };
        var values = new List<OrtValue> { start, encoderStates };
        var madeHere = values.Count;
        _merged?.AddFirstStepInputs(names, values, rows: 1);
        // Only the logits: this step's caches are not reused, the transcription starts its own with the full prompt.
        using var step = RunAndDispose(_decoder, run, names, values, madeHere, [WhisperSignature.Logits]);
        var last = LastPosition(step[0]);
        var best = 0;
        for (var i = 1; i < languageTokens.Length; i++)
        {
            if (last[languageTokens[i]] > last[languageTokens[best]])
            {
                best = i;
            }
        }

        return best;
    }
}
