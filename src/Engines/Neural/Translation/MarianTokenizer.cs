using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// The tokenizer of a Marian (OPUS-MT) model as Hugging Face's <c>MarianTokenizer</c> reads it:
/// <c>source.spm</c> cuts the source into pieces, <c>vocab.json</c> maps every piece to the model's id
/// (Marian's ids are not the SentencePiece ids), and <c>target.spm</c> joins generated pieces back into
/// text. Without <c>target.spm</c> (the onnx-community exports pinned in the manifest ship none) the
/// pieces are joined as SentencePiece does for a plain vocabulary: concatenated, the word-boundary mark
/// U+2581 read as a space, the ends trimmed. The source ends with <c>&lt;/s&gt;</c>; the decoder starts from <c>decoder_start_token_id</c> of
/// <c>config.json</c>, which is the pad id in every OPUS-MT export.
/// </summary>
public sealed class MarianTokenizer : ITranslationTokenizer
{
    public const string SourceModelFile = "source.spm";
    public const string TargetModelFile = "target.spm";
    public const string VocabularyFile = "vocab.json";
    public const string ConfigFile = "config.json";

    private readonly SentencePieceTokenizer _source;
    /// <summary>Null when the export has no target.spm: pieces are then joined by <see cref="JoinPieces"/>.</summary>
    private readonly SentencePieceTokenizer? _target;
    private readonly Dictionary<string, long> _ids;
    private readonly Dictionary<long, string> _pieces;
    private readonly long _unknownId;
    private readonly long _decoderStartId;

    private MarianTokenizer(SentencePieceTokenizer source, SentencePieceTokenizer? target, Dictionary<string, long> ids, long? decoderStartId, string vocabularyPath)
    {
        _source = source;
        _target = target;
        _ids = ids;
        _pieces = ids.ToDictionary(pair => pair.Value, pair => pair.Key);
        EosId = Special(ids, "</s>", vocabularyPath);
        PadId = Special(ids, "<pad>", vocabularyPath);
        _unknownId = Special(ids, "<unk>", vocabularyPath);
        _decoderStartId = decoderStartId ?? PadId;
    }

    public long PadId { get; }

    public long EosId { get; }

    /// <summary>Reads <c>source.spm</c> and <c>vocab.json</c>, and <c>target.spm</c> when it is there.</summary>
    /// <exception cref="FileNotFoundException">A required tokenizer file is missing; the message names it.</exception>
    public static MarianTokenizer Load(string directory)
    {
        var source = SentencePieceFiles.Open(SentencePieceFiles.Required(directory, SourceModelFile));
        var targetPath = Path.Combine(directory, TargetModelFile);
        var target = File.Exists(targetPath) ? SentencePieceFiles.Open(targetPath) : null;
        var vocabularyPath = SentencePieceFiles.Required(directory, VocabularyFile);
        var ids = SentencePieceFiles.ReadVocabulary(vocabularyPath);
        return new MarianTokenizer(source, target, ids, ReadDecoderStart(Path.Combine(directory, ConfigFile)), vocabularyPath);
    }

    /// <inheritdoc />
    public IReadOnlyList<long> EncodeSource(string text, string from)
    {
        var tokens = _source.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = new List<long>(tokens.Count + 1);
        foreach (var token in tokens)
        {
            ids.Add(_ids.TryGetValue(token.Value, out var id) ? id : _unknownId);
        }

        ids.Add(EosId);
        return ids;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> DecoderPrefix(string to) => [_decoderStartId];

    /// <inheritdoc />
    public string Decode(IReadOnlyList<long> ids)
    {
        var pieces = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            if (id != EosId && id != PadId && id != _unknownId && _pieces.TryGetValue(id, out var piece))
            {
                pieces.Add(piece);
            }
        }

        if (_target is null)
        {
            return JoinPieces(pieces);
        }

        var pieceIds = new List<int>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (_target.Vocabulary.TryGetValue(piece, out var pieceId))
            {
                pieceIds.Add(pieceId);
            }
        }

        return _target.Decode(pieceIds, considerSpecialTokens: false);
    }

    /// <summary>Pieces as text: concatenated, U+2581 (SentencePiece's word boundary) read as a space, trimmed.</summary>
    private static string JoinPieces(IEnumerable<string> pieces) => string.Concat(pieces).Replace('\u2581', ' ').Trim();

    private static long Special(Dictionary<string, long> ids, string token, string path) =>
        ids.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"{path} has no id for {token}.");

    private static long? ReadDecoderStart(string configPath)
    {
        if (!File.Exists(configPath))
        {
            return null;
        }

        using var stream = File.OpenRead(configPath);
        using var config = JsonDocument.Parse(stream);
        return config.RootElement.TryGetProperty("decoder_start_token_id", out var start) && start.ValueKind == JsonValueKind.Number
            ? start.GetInt64()
            : null;
    }
}
