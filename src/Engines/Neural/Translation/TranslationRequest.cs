namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>One text to translate, languages as ISO 639-1 codes.</summary>
public sealed record TranslationRequest(string Text, string From, string To);
