namespace SpeechCluster.Engines.Synthesis;

/// <summary>One clause as espeak-ng translated it: its IPA phonemes and the text it consumed.</summary>
internal sealed record EspeakClause(string Phonemes, string Text);
