using Microsoft.ML.OnnxRuntime;

namespace SpeechCluster.Engines.Neural.Whisper;

public sealed partial class WhisperModel
{
    /// <summary>
    /// Greedy decoding of a batch of rows (one prompt each, all of one length) with the key/value
    /// cache: the decoder without past reads the prompts and returns the self-attention cache of the
    /// prompts plus the cross-attention cache of the audio; then the decoder with past takes one token
    /// per row at a time, the grown self-attention cache and the unchanged cross-attention cache. A
    /// merged decoder plays both parts, told which by <c>use_cache_branch</c>; its cached branch
    /// outputs empty cross-attention presents, so the first step's are kept and fed to every step, as
    /// with the split pair. All rows step together, one run per step for the whole batch.
    /// </summary>
    /// <remarks>
    /// A row that has ended is fed end-of-text and its outputs are ignored until at most half the rows
    /// still decode; then the ended rows are dropped. Dropping copies the caches, the cross-attention
    /// cache above all (1500 frames per layer and row), which costs about as much as a step: dropping
    /// each row as it ends could cost more than it saves, while dropping at half bounds the copies to
    /// twice the first cache and keeps a long row from dragging many ended ones along.
    /// </remarks>
    /// <returns>Each row's text tokens.</returns>
    private IReadOnlyList<int>[] GenerateGreedy(RunOptions run, OrtValue encoderStates, int[][] prompts, WhisperDecodeLimits[] limits)
    {
        var rows = prompts
            .Select((prompt, row) => new WhisperRowDecode(Math.Min(limits[row].MaxTokens, DecoderContext - prompt.Length), limits[row], _endOfText))
            .ToArray();
        using var promptIds = OrtValue.CreateTensorValueFromMemory(prompts.SelectMany(prompt => prompt.Select(id => (long)id)).ToArray(), [prompts.Length, prompts[0].Length]);
        var firstNames = new List<string> { WhisperSignature.InputIds, WhisperSignature.EncoderHiddenStates };
        var firstValues = new List<OrtValue> { promptIds, encoderStates };
        var madeHere = firstValues.Count;
        _merged?.AddFirstStepInputs(firstNames, firstValues, rows: prompts.Length);
        using var first = RunAndDispose(_decoder, run, firstNames, firstValues, madeHere, _firstOutputs);
        using var cache = new WhisperDecodeCache(Layers, first, _stepTakesEncoderStates ? encoderStates : null);
        using var useCache = _merged is null ? null : MergedDecoderInputs.Branch(useCache: true);

        // The row of the batch that each row of the caches (and of the logits) decodes.
        var cached = Enumerable.Range(0, rows.Length).ToArray();
        var logits = first[0];
        IDisposableReadOnlyCollection<OrtValue>? step = null;
        try
        {
            while (true)
            {
                for (var i = 0; i < cached.Length; i++)
                {
                    if (!rows[cached[i]].Done)
                    {
                        rows[cached[i]].Take(NextToken(logits, i));
                    }
                }

                int[] live = [.. Enumerable.Range(0, cached.Length).Where(i => !rows[cached[i]].Done)];
                if (live.Length == 0)
                {
                    break;
                }

                if (live.Length <= cached.Length / 2)
                {
                    cache.Keep(live);
                    cached = [.. live.Select(i => cached[i])];
                }

                using var ids = OrtValue.CreateTensorValueFromMemory(cached.Select(row => (long)rows[row].Next).ToArray(), [cached.Length, 1]);
                var next = _decoderWithPast.Run(run, _stepInputs, StepInputs(ids, cache, useCache), _stepOutputs);
                step?.Dispose();
                step = next;
                cache.Take(step);
                logits = step[0];
            }
        }
        finally
        {
            step?.Dispose();
        }

        return [.. rows.Select(row => row.Tokens)];
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

    /// <summary>The values of <see cref="_stepInputs"/>, in its order.</summary>
    private List<OrtValue> StepInputs(OrtValue ids, WhisperDecodeCache cache, OrtValue? useCache)
    {
        var values = new List<OrtValue>(_stepInputs.Length) { ids };
        if (cache.EncoderStates is { } encoderStates)
        {
            values.Add(encoderStates);
        }

        for (var layer = 0; layer < Layers; layer++)
        {
            values.Add(cache.Self(2 * layer));
            values.Add(cache.Self(2 * layer + 1));
            values.Add(cache.Cross(2 * layer));
            values.Add(cache.Cross(2 * layer + 1));
        }

        if (useCache is not null)
        {
            values.Add(useCache);
        }

        return values;
    }

    /// <summary>
    /// A row's most likely token after its last position, among text tokens and end-of-text: special
    /// tokens (another start, a language, timestamps) are never text and are suppressed.
    /// </summary>
    private int NextToken(OrtValue logits, int row)
    {
        var last = LastPosition(logits, row);
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

    /// <summary>The logits of <paramref name="row"/>'s last position in a [rows, sequence, vocabulary] output; valid while <paramref name="logits"/> is.</summary>
    private static ReadOnlySpan<float> LastPosition(OrtValue logits, int row)
    {
        var shape = logits.GetTensorTypeAndShape().Shape;
        var positions = (int)shape[1];
        var vocabulary = (int)shape[2];
        return logits.GetTensorDataAsSpan<float>().Slice((row * positions + positions - 1) * vocabulary, vocabulary);
    }
}
