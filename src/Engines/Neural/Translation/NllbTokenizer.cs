using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// The tokenizer of NLLB-200 as Hugging Face's <c>NllbTokenizer</c> (non-legacy behaviour) builds
/// it: <c>sentencepiece.bpe.model</c> cuts text into pieces whose ids are shifted by fairseq's
/// offset (model id = SentencePiece id + 1, with <c>&lt;s&gt;</c>=0, <c>&lt;pad&gt;</c>=1, <c>&lt;/s&gt;</c>=2,
/// <c>&lt;unk&gt;</c>=3); a source is <c>[source language token] + pieces + [&lt;/s&gt;]</c>; the decoder
/// starts with <c>&lt;/s&gt;</c> (decoder_start_token_id) then the target language token (what
/// <c>forced_bos_token_id</c> forces). The language tokens (<c>spa_Latn</c>, ...) come after the
/// pieces; their ids are read from <c>tokenizer.json</c>'s <c>added_tokens</c>, where the export lists them.
/// </summary>
public sealed class NllbTokenizer : ITranslationTokenizer
{
    public const string ModelFile = "sentencepiece.bpe.model";
    public const string TokenizerJsonFile = "tokenizer.json";

    private const long FairseqPadId = 1;
    private const long FairseqEosId = 2;
    private const long UnknownId = 3;
    private const int FairseqOffset = 1;

    private readonly SentencePieceTokenizer _pieces;
    private readonly Dictionary<string, long> _languageIds;
    private readonly long _firstAddedId;

    private NllbTokenizer(SentencePieceTokenizer pieces, Dictionary<string, long> languageIds)
    {
        _pieces = pieces;
        _languageIds = languageIds;
        _firstAddedId = pieces.Vocabulary.Count + FairseqOffset;
    }

    public long PadId => FairseqPadId;

    public long EosId => FairseqEosId;

    /// <summary>The ISO 639-1 codes this tokenizer was loaded for.</summary>
    public IReadOnlyCollection<string> Languages => _languageIds.Keys;

    /// <param name="languages">ISO 639-1 codes to translate between; each must have a language token in the export.</param>
    /// <exception cref="FileNotFoundException">A tokenizer file is missing; the message names it.</exception>
    public static NllbTokenizer Load(string directory, IEnumerable<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var pieces = SentencePieceFiles.Open(SentencePieceFiles.Required(directory, ModelFile));
        var jsonPath = SentencePieceFiles.Required(directory, TokenizerJsonFile);
        var added = ReadAddedTokens(jsonPath);
        var languageIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages)
        {
            var code = FloresLanguageCodes.For(language);
            languageIds[language] = added.TryGetValue(code, out var id)
                ? id
                : throw new InvalidDataException($"{jsonPath} has no language token {code} (for '{language}').");
        }

        return new NllbTokenizer(pieces, languageIds);
    }

    /// <inheritdoc />
    public IReadOnlyList<long> EncodeSource(string text, string from)
    {
        var ids = _pieces.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        var result = new List<long>(ids.Count + 2) { LanguageId(from) };
        foreach (var id in ids)
        {
            // SentencePiece's own unknown id is 0; fairseq moved it to 3.
            result.Add(id == _pieces.UnknownId ? UnknownId : id + FairseqOffset);
        }

        result.Add(FairseqEosId);
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> DecoderPrefix(string to) => [FairseqEosId, LanguageId(to)];

    /// <inheritdoc />
    public string Decode(IReadOnlyList<long> ids)
    {
        var pieceIds = ids
            .Where(id => id > UnknownId && id < _firstAddedId)
            .Select(id => (int)(id - FairseqOffset));
        return _pieces.Decode(pieceIds, considerSpecialTokens: false);
    }

    private long LanguageId(string language) =>
        _languageIds.TryGetValue(language, out var id) ? id : throw new NotSupportedException($"The NLLB model is not set up for the language '{language}'.");

    private static Dictionary<string, long> ReadAddedTokens(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            using var json = JsonDocument.Parse(stream);
            if (!json.RootElement.TryGetProperty("added_tokens", out var added) || added.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} has no added_tokens list, where NLLB's language tokens are.");
            }

            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var token in added.EnumerateArray())
            {
                ids[token.GetProperty("content").GetString() ?? ""] = token.GetProperty("id").GetInt64();
            }

            return ids;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a Hugging Face tokenizer.json: {e.Message}", e);
        }
    }
}
