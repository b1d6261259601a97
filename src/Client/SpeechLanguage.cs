namespace SpeechCluster.Client;

/// <summary>A recognizable language: its display <paramref name="Name"/> and the tag of its text language.</summary>
public sealed record SpeechLanguage(string Name, string Language);
