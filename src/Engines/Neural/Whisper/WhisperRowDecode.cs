namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// The text tokens of one row of a batched greedy decode, and the guards of that row alone (its token
/// budget, its repetition check): rows of one batch come from different streams, with different
/// audio lengths, and one row's hallucination must not cut another's text. Not thread-safe.
/// </summary>
internal sealed class WhisperRowDecode(int maxTokens, WhisperDecodeLimits limits, int endOfText)
{
    private readonly List<int> _tokens = [];

    public IReadOnlyList<int> Tokens => _tokens;

    /// <summary>Whether the row has ended: the decoder's later outputs for it are not read.</summary>
    public bool Done { get; private set; }

    /// <summary>The token to feed the decoder next: the last one taken (end-of-text once the row is done, as padding).</summary>
    public int Next => Done || _tokens.Count == 0 ? endOfText : _tokens[^1];

    /// <summary>Takes the token the decoder chose; ends the row at end-of-text, at its budget, or at a repetition (keeping one copy).</summary>
    public void Take(int token)
    {
        if (Done)
        {
            return;
        }

        if (token == endOfText || _tokens.Count >= maxTokens)
        {
            Done = true;
            return;
        }

        _tokens.Add(token);
        if (RepetitionGuard.KeepCount(_tokens, limits.RepetitionLimit, limits.LongestRepeatedNgram) is { } keep)
        {
            _tokens.RemoveRange(keep, _tokens.Count - keep);
            Done = true;
        }

        // At its budget the row ends now rather than after one more step whose token it would drop.
        Done |= _tokens.Count >= maxTokens;
    }
}
