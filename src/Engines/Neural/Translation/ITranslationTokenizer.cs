namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>Turns text into a seq2seq model's ids and back, with the family's special tokens. Thread-safe.</summary>
public interface ITranslationTokenizer
{
    long PadId { get; }

    long EosId { get; }

    /// <summary>The encoder's ids for <paramref name="text"/> in language <paramref name="from"/> (ISO 639-1), specials included.</summary>
    IReadOnlyList<long> EncodeSource(string text, string from);

    /// <summary>The ids the decoder starts from to write language <paramref name="to"/> (ISO 639-1).</summary>
    IReadOnlyList<long> DecoderPrefix(string to);

    /// <summary>The text of generated ids, special tokens left out.</summary>
    string Decode(IReadOnlyList<long> ids);
}
