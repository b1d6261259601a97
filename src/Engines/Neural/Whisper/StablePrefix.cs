namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Turns successive whole-utterance hypotheses into partials that never retract a committed word.
/// </summary>
/// <remarks>
/// Whisper re-decodes the utterance from scratch, so the start of a hypothesis may change as audio
/// comes in. A word is committed once two consecutive hypotheses agree on it and on every word
/// before it; the partial is the committed words followed by the latest hypothesis beyond them.
/// </remarks>
internal sealed class StablePrefix
{
    private readonly List<string> _committed = [];
    private string[] _previous = [];

    public IReadOnlyList<string> Committed => _committed;

    /// <summary>Takes the newest hypothesis; returns the partial.</summary>
    public string Update(string hypothesis)
    {
        var words = Words(hypothesis);
        var agreed = 0;
        while (agreed < words.Length && agreed < _previous.Length && words[agreed] == _previous[agreed])
        {
            agreed++;
        }

        for (var i = _committed.Count; i < agreed; i++)
        {
            _committed.Add(words[i]);
        }

        _previous = words;
        return string.Join(' ', _committed.Concat(words.Skip(_committed.Count)));
    }

    public static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
