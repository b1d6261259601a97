namespace SpeechCluster.Engines.Text;

/// <summary>A spoken cardinal or ordinal read from consecutive words: its value and how many words it took.</summary>
internal readonly record struct NumberPhrase(long Value, int Count, bool Ordinal, NumberWordKind Last, bool StartsWithWord)
{
    /// <summary>One plain word below ten ("three", "first"): English prose keeps these as words.</summary>
    public bool IsSmall => Count == 1 && Value < 10 && StartsWithWord;
}
