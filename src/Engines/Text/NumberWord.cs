namespace SpeechCluster.Engines.Text;

/// <summary>The value and grammatical role of one English number word ("twenty", "hundred", "third").</summary>
internal readonly record struct NumberWord(long Value, NumberWordKind Kind, bool Ordinal);
