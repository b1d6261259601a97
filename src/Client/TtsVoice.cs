namespace SpeechCluster.Client;

/// <summary>A text-to-speech voice as <c>/languages</c> describes it.</summary>
public sealed record TtsVoice(string DisplayName, string Gender, string Locale, string Language, string LanguageName, string RegionName);
