using SpeechCluster.Engines.Neural.Batching;
using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// One loaded translation model with its tokenizer, the directions it serves, and a batcher that
/// runs concurrent requests together. Thread-safe. Disposing waits for queued requests to finish.
/// </summary>
public sealed class NeuralTranslationModel : IDisposable
{
    private readonly Seq2SeqModel _model;
    private readonly ITranslationTokenizer _tokenizer;
    private readonly DecodingOptions _decoding;
    private readonly RequestBatcher<TranslationRequest, string> _batcher;
    private readonly InferenceLanes _lanes;

    public NeuralTranslationModel(Seq2SeqModel model, ITranslationTokenizer tokenizer, IReadOnlyCollection<LanguagePair> pairs, NeuralTranslationOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        options.Decoding.Validate();
        _model = model;
        _tokenizer = tokenizer;
        _decoding = options.Decoding;
        Pairs = pairs;
        // Batches run on the model's own lanes: the batcher goes on gathering the next batch meanwhile.
        _lanes = new InferenceLanes("translation", options.Batching.MaxConcurrentBatches);
        _batcher = new RequestBatcher<TranslationRequest, string>(
            (batch, cancellationToken) => _lanes.RunAsync(() => TranslateBatch(batch, cancellationToken), cancellationToken), options.Batching);
    }

    public IReadOnlyCollection<LanguagePair> Pairs { get; }

    /// <summary>Batches run so far through <see cref="TranslateAsync"/>.</summary>
    public long BatchesRun => _batcher.BatchesRun;

    /// <summary>
    /// A Marian (OPUS-MT) export for one direction in <paramref name="directory"/>: the encoder and the
    /// decoder files (merged or split, see <see cref="Seq2SeqModel.Load"/>) plus <c>source.spm</c>,
    /// <c>vocab.json</c> and, optionally, <c>target.spm</c> and <c>config.json</c>.
    /// </summary>
    public static NeuralTranslationModel LoadMarian(string directory, OnnxSessionFactory sessions, string from, string to, NeuralTranslationOptions? options = null)
    {
        var tokenizer = MarianTokenizer.Load(directory);
        var model = Seq2SeqModel.Load(directory, sessions, tokenizer.PadId, tokenizer.EosId);
        return new NeuralTranslationModel(model, tokenizer, [new LanguagePair(from, to)], options ?? new NeuralTranslationOptions());
    }

    /// <summary>
    /// An NLLB-200 export: the encoder and the decoder files (merged or split) plus <c>sentencepiece.bpe.model</c> and <c>tokenizer.json</c>
    /// in <paramref name="directory"/>; serves every direction among <paramref name="languages"/> (ISO 639-1).
    /// </summary>
    public static NeuralTranslationModel LoadNllb(string directory, OnnxSessionFactory sessions, IEnumerable<string> languages, NeuralTranslationOptions? options = null)
    {
        var tokenizer = NllbTokenizer.Load(directory, languages);
        var model = Seq2SeqModel.Load(directory, sessions, tokenizer.PadId, tokenizer.EosId);
        var codes = tokenizer.Languages.ToArray();
        var pairs = codes.SelectMany(from => codes.Where(to => to != from).Select(to => new LanguagePair(from, to))).ToArray();
        return new NeuralTranslationModel(model, tokenizer, pairs, options ?? new NeuralTranslationOptions());
    }

    /// <summary>Translates through the batcher: joins concurrent calls into one model run.</summary>
    public Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default) =>
        _batcher.SubmitAsync(new TranslationRequest(text, from, to), cancellationToken);

    /// <summary>Translates several texts as one batch, now, on the calling thread.</summary>
    public IReadOnlyList<string> TranslateBatch(IReadOnlyList<TranslationRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var inputs = requests
            .Select(request => new Seq2SeqRequest(_tokenizer.EncodeSource(request.Text, request.From), _tokenizer.DecoderPrefix(request.To)))
            .ToArray();
        var outputs = _model.Generate(inputs, _decoding, cancellationToken);
        return [.. outputs.Select(_tokenizer.Decode)];
    }

    public void Dispose()
    {
        _batcher.Dispose();
        _lanes.Dispose();
        _model.Dispose();
    }
}
