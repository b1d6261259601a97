namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Turns successive whole-utterance hypotheses into partials that never retract a committed word.
/// </summary>
/// <remarks>
/// Whisper re-decodes the utterance from scratch, so the start of a hypothesis may change as audio
/// comes in. The partial is the committed words followed by the latest hypothesis beyond them; a word
/// is committed once two consecutive partials agree on it and on every word before it (comparing
/// partials rather than raw hypotheses, so that one early word the decoder flips, and which is
/// committed anyway, does not block every later commit).
/// </remarks>
internal sealed class StablePrefix
{
    private readonly List<string> _committed = [];
    private string[] _previous = [];

    public IReadOnlyList<string> Committed => _committed;

    /// <summary>Takes the newest hypothesis; returns the partial.</summary>
    public string Update(string hypothesis)
    {
        var hypothesisWords = Words(hypothesis);
        var words = new List<string>(_committed);
        for (var i = _committed.Count; i < hypothesisWords.Length; i++)
        {
            words.Add(hypothesisWords[i]);
        }

        var agreed = 0;
        while (agreed < words.Count && agreed < _previous.Length && words[agreed] == _previous[agreed])
        {
            agreed++;
        }

        for (var i = _committed.Count; i < agreed; i++)
        {
            _committed.Add(words[i]);
        }

        _previous = [.. words];
        return string.Join(' ', words);
    }

    public static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
