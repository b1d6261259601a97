namespace SpeechCluster.Engines.Synthesis;

/// <summary>A voice as the <c>tts</c> scope of <c>/languages</c> lists it.</summary>
/// <param name="Id">The value clients pass as <c>voice</c>, e.g. <c>en-US-Slt</c>.</param>
/// <param name="Language">The text language it speaks, e.g. <c>en</c>.</param>
/// <param name="Locale">e.g. <c>en-US</c>.</param>
/// <param name="Gender"><c>male</c> or <c>female</c>.</param>
public sealed record VoiceInfo(
    string Id,
    string DisplayName,
    string Gender,
    string Locale,
    string Language,
    string LanguageName,
    string RegionName);
