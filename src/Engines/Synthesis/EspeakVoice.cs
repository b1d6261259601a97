namespace SpeechCluster.Engines.Synthesis;

/// <summary>A voice offered by <see cref="EspeakSynthesizer"/> and the espeak-ng voice file behind it.</summary>
/// <param name="Identifier">What <c>espeak_SetVoiceByName</c> gets, e.g. <c>roa/es</c>.</param>
internal sealed record EspeakVoice(VoiceInfo Info, string Identifier);
