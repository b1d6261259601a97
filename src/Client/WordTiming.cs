namespace SpeechCluster.Client;

/// <summary>One word of a final with its place in the audio (word timings extension). Ticks are 100 ns.</summary>
public sealed record WordTiming(string Word, long Offset, long Duration);
