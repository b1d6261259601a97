namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// One sentence to generate for: the encoder's token ids (specials included) and the tokens the
/// decoder starts from (Marian: the pad id; NLLB: <c>&lt;/s&gt;</c> then the target language token).
/// </summary>
public sealed record Seq2SeqRequest(IReadOnlyList<long> SourceIds, IReadOnlyList<long> DecoderPrefix);
