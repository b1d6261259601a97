namespace AsrEval;

/// <summary>How a variant decodes: the decoder's extra arguments and the streaming strategy.</summary>
internal sealed record Variant(string Name, string ArgSet, Mode Mode, GainMode Gain = GainMode.None, int RestartMs = 0, double RestartFraction = 0, bool Doubling = false, double Delta = 0, int PriorFrames = 0)
{
    /// <summary>When (in samples) to re-decode from the start with the mean so far.</summary>
    public IEnumerable<int> Restarts(int speechSamples)
    {
        if (RestartMs > 0)
        {
            yield return RestartMs * 16;
        }

        if (RestartFraction > 0)
        {
            yield return (int)(speechSamples * RestartFraction);
        }

        for (var at = 16000; Doubling && at < speechSamples; at *= 2)
        {
            yield return at;
        }
    }
}

internal enum Mode
{
    /// <summary>Whole utterance in one call (batch CMN), as a final re-decode would do.</summary>
    Batch,

    /// <summary>100 ms chunks, the library's live CMN (prior mean carried over from the last utterance).</summary>
    LivePrior,

    /// <summary>100 ms chunks; after each, the mean is set to the mean of this utterance's frames so far.</summary>
    LiveRunning,

    /// <summary>100 ms chunks normalised with the batch mean of the whole clip (oracle: needs the future).</summary>
    LiveOracle,

    /// <summary>Like <see cref="LiveOracle"/>, but c0 comes from the mean of the first half of the clip.</summary>
    LiveOracleHalfC0,

    /// <summary>Like <see cref="LiveOracle"/>, but c1..c12 come from the mean of the first half of the clip.</summary>
    LiveOracleHalfRest,

    /// <summary>
    /// A fixed mean per pass; when the utterance's running mean drifts more than Delta from it, the
    /// audio so far is re-decoded with the new mean (simulates a catch-up decoder on a second thread).
    /// </summary>
    LiveDrift,

    /// <summary>Running mean blended with a prior: the previous clip's final mean when it has the same speaker (conversation).</summary>
    LivePrimed,
}

internal enum GainMode
{
    None,

    /// <summary>The whole clip scaled to a target peak before decoding (oracle: needs the future).</summary>
    OraclePeak,

    /// <summary>Each chunk scaled by a gain from the loudest audio heard so far (causal).</summary>
    RunningPeak,
}

/// <summary>What one clip produced.</summary>
internal sealed record ClipRun(string Final, string LastPartial, int Partials, int Revisions, double FinalMs, double StreamCpuMs, double AudioSeconds, double FinalCpuMs, int Restarts = 0, double LagMs = 0);
