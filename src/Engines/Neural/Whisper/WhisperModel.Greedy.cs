using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Whisper;

public sealed partial class WhisperModel
{
    /// <summary>
    /// Computes the features of up to 30 s of audio, runs the encoder on them once and hands its
    /// output (valid only during the call) to <paramref name="decode"/>, on one of the model's
    /// inference lanes.
    /// </summary>
    private T WithEncoderStates<T>(ReadOnlySpan<float> samples, Func<RunOptions, OrtValue, T> decode)
    {
        var features = Features.Compute(samples);
        return _lanes.Run(() =>
        {
            using var run = new RunOptions();
            using var input = OrtValue.CreateTensorValueFromMemory(features, [1, Features.MelBins, WhisperLogMel.Frames]);
            using var encoded = _encoder.Run(run, [WhisperSignature.InputFeatures], [input], [WhisperSignature.LastHiddenState]);
            return decode(run, encoded[0]);
        });
    }

    /// <summary>
    /// Greedy decoding with the key/value cache: the decoder without past reads the whole prompt and
    /// returns the self-attention cache of the prompt plus the cross-attention cache of the audio;
    /// then the decoder with past takes one token at a time, the grown self-attention cache and the
    /// unchanged cross-attention cache. A merged decoder plays both parts, told which by
    /// <c>use_cache_branch</c>; its cached branch outputs empty cross-attention presents, so the first
    /// step's are kept and fed to every step, as with the split pair.
    /// </summary>
    private List<int> GenerateGreedy(RunOptions run, OrtValue encoderStates, int[] prompt, WhisperDecodeLimits limits)
    {
        var maxTokens = Math.Min(limits.MaxTokens, DecoderContext - prompt.Length);
        var tokens = new List<int>();
        using var promptIds = OrtValue.CreateTensorValueFromMemory(prompt.Select(id => (long)id).ToArray(), [1, prompt.Length]);
        var firstNames = new List<string> { WhisperSignature.InputIds, WhisperSignature.EncoderHiddenStates };
        var firstValues = new List<OrtValue> { promptIds, encoderStates };
        var madeHere = firstValues.Count;
        _merged?.AddFirstStepInputs(firstNames, firstValues, rows: 1);
        using var first = RunAndDispose(_decoder, run, firstNames, firstValues, madeHere, _firstOutputs);
        using var useCache = _merged is null ? null : MergedDecoderInputs.Branch(useCache: true);

        // first = [logits, then per layer: decoder key, decoder value, encoder key, encoder value].
        var selfCache = new OrtValue[2 * Layers];
        var crossCache = new OrtValue[2 * Layers];
        for (var layer = 0; layer < Layers; layer++)
        {
            selfCache[2 * layer] = first[1 + 4 * layer];
            selfCache[2 * layer + 1] = first[2 + 4 * layer];
            crossCache[2 * layer] = first[3 + 4 * layer];
            crossCache[2 * layer + 1] = first[4 + 4 * layer];
        }

        IDisposableReadOnlyCollection<OrtValue>? step = null;
        try
        {
            var token = NextToken(first[0]);
            while (token != _endOfText && tokens.Count < maxTokens)
            {
                tokens.Add(token);
                if (RepetitionGuard.KeepCount(tokens, limits.RepetitionLimit, limits.LongestRepeatedNgram) is { } keep)
                {
                    tokens.RemoveRange(keep, tokens.Count - keep);
                    break;
                }

                using var id = OrtValue.CreateTensorValueFromMemory(new[] { (long)token }, [1, 1]);
                var next = _decoderWithPast.Run(run, _stepInputs, StepInputs(id, encoderStates, selfCache, crossCache, useCache), _stepOutputs);
                step?.Dispose();
                step = next;
                for (var i = 0; i < selfCache.Length; i++)
                {
                    selfCache[i] = step[1 + i];
                }

                token = NextToken(step[0]);
            }
        }
        finally
        {
            step?.Dispose();
        }

        return tokens;
    }

    /// <summary>Runs a step, then disposes the inputs from <paramref name="ownedFrom"/> on (made for this run).</summary>
    private static IDisposableReadOnlyCollection<OrtValue> RunAndDispose(
        InferenceSession session, RunOptions run, List<string> names, List<OrtValue> values, int ownedFrom, string[] outputs)
    {
        try
        {
            return session.Run(run, names, values, outputs);
        }
        finally
        {
            values.Skip(ownedFrom).ToList().ForEach(value => value.Dispose());
        }
    }

    private List<OrtValue> StepInputs(OrtValue id, OrtValue encoderStates, OrtValue[] selfCache, OrtValue[] crossCache, OrtValue? useCache)
    {
        var values = new List<OrtValue>(_stepInputs.Length) { id };
        if (_stepTakesEncoderStates)
        {
            values.Add(encoderStates);
        }

        for (var layer = 0; layer < Layers; layer++)
        {
            values.Add(selfCache[2 * layer]);
            values.Add(selfCache[2 * layer + 1]);
            values.Add(crossCache[2 * layer]);
            values.Add(crossCache[2 * layer + 1]);
        }

        if (useCache is not null)
        {
            values.Add(useCache);
        }

        return values;
    }

    /// <summary>
    /// The most likely token after the last position, among text tokens and end-of-text: special
    /// tokens (another start, a language, timestamps) are never text and are suppressed.
    /// </summary>
    private int NextToken(OrtValue logits)
    {
        var last = LastPosition(logits);
        var best = _endOfText;
        var bestScore = float.NegativeInfinity;
        for (var id = 0; id < last.Length; id++)
        {
            if (last[id] > bestScore && (id == _endOfText || !Tokenizer.IsSpecial(id)))
            {
                best = id;
                bestScore = last[id];
            }
        }

        return best;
    }

    /// <summary>The logits of the last position of a [1, sequence, vocabulary] output; valid while <paramref name="logits"/> is.</summary>
    private static ReadOnlySpan<float> LastPosition(OrtValue logits)
    {
        var vocabulary = (int)logits.GetTensorTypeAndShape().Shape[2];
        return logits.GetTensorDataAsSpan<float>()[^vocabulary..];
    }
}
