using Google.Protobuf;

namespace SpeechCluster.TestSupport.ContractModels;

/// <summary>
/// Writes small SentencePiece models (the <c>ModelProto</c> of google/sentencepiece's
/// <c>sentencepiece_model.proto</c>) so tokenizer tests need neither spm_train nor a download.
/// Field numbers: ModelProto pieces=1, trainer_spec=2, normalizer_spec=3; SentencePiece piece=1,
/// score=2, type=3 (NORMAL=1, UNKNOWN=2, CONTROL=3); TrainerSpec model_type=3 (UNIGRAM=1, BPE=2),
/// vocab_size=4, unk_id=40, bos_id=41, eos_id=42, pad_id=43; NormalizerSpec name=1,
/// add_dummy_prefix=3, remove_extra_whitespaces=4, escape_whitespaces=5.
/// </summary>
public static class SentencePieceModelWriter
{
    public const string WordBoundary = "▁";

    public enum ModelType
    {
        Unigram = 1,
        Bpe = 2,
    }

    /// <summary>
    /// A model whose pieces are <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> (ids 0, 1, 2), every
    /// character of <paramref name="words"/>, every prefix of each word (so BPE can merge its way up)
    /// and the words themselves, preferred over their parts. Words are given without the boundary mark.
    /// </summary>
    /// <returns>The model bytes and its pieces in id order.</returns>
    public static (byte[] Model, IReadOnlyList<string> Pieces) ForWords(ModelType type, IEnumerable<string> words)
    {
        var marked = words.Select(word => WordBoundary + word).Distinct().ToList();
        var pieces = new List<(string Piece, float Score, int Type)> { ("<unk>", 0, 2), ("<s>", 0, 3), ("</s>", 0, 3) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var character in marked.SelectMany(word => word.EnumerateRunes()).Select(rune => rune.ToString()).Distinct())
        {
            seen.Add(character);
            pieces.Add((character, -10, 1));
        }

        foreach (var word in marked)
        {
            var runes = word.EnumerateRunes().Select(rune => rune.ToString()).ToArray();
            for (var length = 2; length <= runes.Length; length++)
            {
                var prefix = string.Concat(runes.Take(length));
                if (seen.Add(prefix))
                {
                    // Whole words score best (unigram picks them; BPE merges the longest last).
                    pieces.Add((prefix, length == runes.Length ? -1 : -5 - length, 1));
                }
            }
        }

        return (Write(type, pieces), pieces.Select(piece => piece.Piece).ToList());
    }

    public static byte[] Write(ModelType type, IReadOnlyList<(string Piece, float Score, int Type)> pieces)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var (piece, score, pieceType) in pieces)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Message(message =>
            {
                message.WriteTag(1, WireFormat.WireType.LengthDelimited);
                message.WriteString(piece);
                message.WriteTag(2, WireFormat.WireType.Fixed32);
                message.WriteFloat(score);
                message.WriteTag(3, WireFormat.WireType.Varint);
                message.WriteEnum(pieceType);
            }));
        }

        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Message(trainer =>
        {
            trainer.WriteTag(3, WireFormat.WireType.Varint);
            trainer.WriteEnum((int)type);
            trainer.WriteTag(4, WireFormat.WireType.Varint);
            trainer.WriteInt32(pieces.Count);
            trainer.WriteTag(40, WireFormat.WireType.Varint);
            trainer.WriteInt32(0);
            trainer.WriteTag(41, WireFormat.WireType.Varint);
            trainer.WriteInt32(1);
            trainer.WriteTag(42, WireFormat.WireType.Varint);
            trainer.WriteInt32(2);
            trainer.WriteTag(43, WireFormat.WireType.Varint);
            trainer.WriteInt32(-1);
        }));
        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Message(normalizer =>
        {
            normalizer.WriteTag(1, WireFormat.WireType.LengthDelimited);
            normalizer.WriteString("identity");
            normalizer.WriteTag(3, WireFormat.WireType.Varint);
            normalizer.WriteBool(true);
            normalizer.WriteTag(4, WireFormat.WireType.Varint);
            normalizer.WriteBool(true);
            normalizer.WriteTag(5, WireFormat.WireType.Varint);
            normalizer.WriteBool(true);
        }));
        output.Flush();
        return buffer.ToArray();
    }

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return ByteString.CopyFrom(buffer.ToArray());
    }
}
