using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SpeechCluster.Engines.Neural.Batching;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// One Whisper model loaded from an optimum export directory: the encoder, the decoders (the split
/// pair, or the merged file that does both steps) and the tokenizer. One per process, shared by the
/// recognizers of every locale. Thread-safe: concurrent decodes (from the streams of many
/// conversations) are gathered within the batching window and run as one batch on the model's own
/// lanes, as many batches at once as <see cref="RequestBatcherOptions.MaxConcurrentBatches"/> says.
/// Disposing waits for queued decodes to finish.
/// </summary>
public sealed partial class WhisperModel : IDisposable
{
    public const string EncoderFile = "encoder_model.onnx";
    public const string DecoderFile = "decoder_model.onnx";
    public const string DecoderWithPastFile = "decoder_with_past_model.onnx";
    public const string MergedDecoderFile = OptimumDecoderFiles.MergedFile;
    public const string TokenizerFile = "tokenizer.json";

    /// <summary>Optional; read only when the encoder leaves its mel-bin dimension symbolic.</summary>
    public const string ConfigFile = "config.json";

    /// <summary>OpenAI's rule: the English-only models have 51864 tokens, the multilingual ones more.</summary>
    private const int EnglishOnlyVocabulary = 51864;

    /// <summary>The decoder's positional embedding covers 448 tokens, the prompt included.</summary>
    public const int DecoderContext = 448;

    private static readonly RequestBatcherOptions DefaultBatching = new() { MaxConcurrentBatches = 2 };

    private readonly InferenceSession _encoder;
    private readonly InferenceSession _decoder;
    private readonly InferenceSession _decoderWithPast;

    /// <summary>Set when <see cref="_decoder"/> and <see cref="_decoderWithPast"/> are one merged session.</summary>
    private readonly MergedDecoderInputs? _merged;
    private readonly InferenceLanes _lanes;
    private readonly RequestBatcher<WhisperRequest, WhisperResult> _batcher;
    private readonly string[] _firstOutputs;
    private readonly string[] _stepInputs;
    private readonly string[] _stepOutputs;
    private readonly bool _stepTakesEncoderStates;
    private readonly int _endOfText;
    private readonly int _startOfTranscript;

    private WhisperModel(string name, InferenceSession encoder, InferenceSession decoder, InferenceSession decoderWithPast, MergedDecoderInputs? merged,
        WhisperTokenizer tokenizer, int melBins, int layers, RequestBatcherOptions batching)
    {
        Name = name;
        _encoder = encoder;
        _decoder = decoder;
        _decoderWithPast = decoderWithPast;
        _merged = merged;
        Tokenizer = tokenizer;
        Layers = layers;
        Features = new WhisperLogMel(melBins);
        _lanes = new InferenceLanes("whisper", batching.MaxConcurrentBatches);
        // Batches run on the lanes: the batcher goes on gathering the next batch meanwhile.
        _batcher = new RequestBatcher<WhisperRequest, WhisperResult>(
            (batch, cancellationToken) => _lanes.RunAsync(() => RunBatch(batch), cancellationToken), batching);
        _endOfText = tokenizer.RequireSpecial(WhisperTokenizer.EndOfText);
        _startOfTranscript = tokenizer.RequireSpecial(WhisperTokenizer.StartOfTranscript);
        var vocabulary = decoder.OutputMetadata[WhisperSignature.Logits].Dimensions[2];
        IsMultilingual = vocabulary != EnglishOnlyVocabulary && tokenizer.FindSpecial("<|en|>") is not null;

        _firstOutputs = [WhisperSignature.Logits, .. CacheNames(WhisperSignature.Present, WhisperSignature.CacheParts)];
        _stepTakesEncoderStates = decoderWithPast.InputMetadata.ContainsKey(WhisperSignature.EncoderHiddenStates);
        _stepInputs =
        [
            WhisperSignature.InputIds,
            .. _stepTakesEncoderStates ? new[] { WhisperSignature.EncoderHiddenStates } : [],
            .. CacheNames(WhisperSignature.Past, WhisperSignature.CacheParts),
            .. merged is null ? [] : new[] { MergedDecoderInputs.UseCacheBranch },
        ];

        // Decoder presents only: the merged decoder's cached branch outputs empty encoder presents.
        _stepOutputs = [WhisperSignature.Logits, .. CacheNames(WhisperSignature.Present, WhisperSignature.CacheParts[..2])];
    }

    /// <summary>The name of the folder it was loaded from, which <c>models/fetch</c> names after the model id (<c>whisper-tiny</c>).</summary>
    public string Name { get; }

    public WhisperTokenizer Tokenizer { get; }

    public WhisperLogMel Features { get; }

    public int Layers { get; }

    /// <summary>Batches of decodes run so far (for tests and metrics): fewer than decodes when streams decode at once.</summary>
    public long BatchesRun => _batcher.BatchesRun;

    /// <summary>Whether the model takes a language and a task in its prompt (not the <c>.en</c> models).</summary>
    public bool IsMultilingual { get; }

    /// <summary>
    /// Loads the model in <paramref name="directory"/> (<see cref="EncoderFile"/>, <see cref="TokenizerFile"/>,
    /// and <see cref="DecoderFile"/> with <see cref="DecoderWithPastFile"/>, or else <see cref="MergedDecoderFile"/>)
    /// and verifies each session's signature.
    /// </summary>
    /// <param name="batching">
    /// How concurrent decodes are gathered into batches and how many batches run at once (the
    /// model's lanes). Default: a 10 ms window, 16 decodes a batch, 2 batches at once.
    /// </param>
    /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is not what it should be; the message names it.</exception>
    public static WhisperModel Load(string directory, OnnxSessionFactory sessions, RequestBatcherOptions? batching = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        batching ??= DefaultBatching;
        batching.Validate();
        var encoderPath = Path.Combine(directory, EncoderFile);
        var tokenizerPath = Path.Combine(directory, TokenizerFile);
        foreach (var path in new[] { encoderPath, tokenizerPath }.Where(path => !File.Exists(path)))
        {
            throw new FileNotFoundException($"The Whisper model in {directory} lacks {Path.GetFileName(path)} ({path}).", path);
        }

        var decoders = OptimumDecoderFiles.Find(directory, "The Whisper model");
        var opened = new List<InferenceSession>();
        try
        {
            var encoder = Open(sessions, encoderPath, opened);
            var decoder = Open(sessions, decoders.First, opened);
            var melBins = WhisperSignature.VerifyEncoder(encoder, encoderPath);
            InferenceSession decoderWithPast;
            MergedDecoderInputs? merged = null;
            int layers;
            if (decoders.WithPast is { } withPastPath)
            {
                decoderWithPast = Open(sessions, withPastPath, opened);
                layers = WhisperSignature.VerifyDecoder(decoder, decoders.First);
                WhisperSignature.VerifyDecoderWithPast(decoderWithPast, withPastPath, layers);
            }
            else
            {
                decoderWithPast = decoder;
                layers = WhisperSignature.VerifyMergedDecoder(decoder, decoders.First);
                merged = MergedDecoderInputs.For(decoder, decoders.First, Path.Combine(directory, ConfigFile));
            }

            if (melBins < 0)
            {
                melBins = ReadMelBins(Path.Combine(directory, ConfigFile));
            }

            var tokenizer = WhisperTokenizer.Load(tokenizerPath);
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
            return new WhisperModel(name, encoder, decoder, decoderWithPast, merged, tokenizer, melBins, layers, batching);
        }
        catch
        {
            opened.ForEach(session => session.Dispose());
            throw;
        }
    }

    /// <summary>
    /// The decoder prompt for transcribing <paramref name="language"/> (Whisper's code, e.g. <c>es</c>)
    /// without timestamps: <c>&lt;|startoftranscript|&gt;&lt;|es|&gt;&lt;|transcribe|&gt;&lt;|notimestamps|&gt;</c>;
    /// the English-only models take neither language nor task.
    /// </summary>
    /// <exception cref="NotSupportedException">The model does not know the language.</exception>
    public int[] Prompt(string language)
    {
        var start = Tokenizer.RequireSpecial(WhisperTokenizer.StartOfTranscript);
        var noTimestamps = Tokenizer.RequireSpecial(WhisperTokenizer.NoTimestamps);
        if (!IsMultilingual)
        {
            return language == "en"
                ? [start, noTimestamps]
                : throw new NotSupportedException($"This Whisper model is English-only; it cannot transcribe '{language}'.");
        }

        var languageToken = Tokenizer.FindSpecial($"<|{language}|>")
            ?? throw new NotSupportedException($"This Whisper model has no language token <|{language}|>.");
        return [start, languageToken, Tokenizer.RequireSpecial(WhisperTokenizer.Transcribe), noTimestamps];
    }

    /// <summary>
    /// Transcribes up to 30 s of audio (samples in [-1, 1]); returns the text ("" for none). Waits
    /// for the batch it joins (see <see cref="Generate"/>).
    /// </summary>
    public string Transcribe(ReadOnlySpan<float> samples, int[] prompt, WhisperDecodeLimits limits) =>
        Tokenizer.Decode(Generate(samples, prompt, limits)).Trim();

    /// <summary>
    /// The text tokens greedy decoding gives for up to 30 s of audio: the same alone or in a batch.
    /// Blocks the calling thread until the batch it joins (decodes of other callers within the
    /// batching window) has run.
    /// </summary>
    public IReadOnlyList<int> Generate(ReadOnlySpan<float> samples, int[] prompt, WhisperDecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(limits);
        return Decode(new WhisperRequest(Features.Compute(samples), [prompt], limits)).Tokens;
    }

    /// <summary>
    /// Tells which of <paramref name="languages"/> (Whisper's codes, e.g. <c>en</c>, <c>es</c>) up to
    /// 30 s of audio is spoken in, and transcribes it in that language. The encoder runs once: the
    /// detection step and the transcription read the same encoder states. Waits for its batch, as
    /// <see cref="Generate"/> does.
    /// </summary>
    /// <returns>The index of the language in <paramref name="languages"/>, and the text ("" for none).</returns>
    /// <exception cref="NotSupportedException">The model is English-only, or has no token for one of the languages.</exception>
    public (int Language, string Text) DetectAndTranscribe(ReadOnlySpan<float> samples, IReadOnlyList<string> languages, WhisperDecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfZero(languages.Count);
        if (!IsMultilingual)
        {
            throw new NotSupportedException("This Whisper model is English-only; it cannot tell languages apart.");
        }

        var result = Decode(new WhisperRequest(Features.Compute(samples), [.. languages.Select(Prompt)], limits));
        return (result.Language, Tokenizer.Decode(result.Tokens).Trim());
    }

    public void Dispose()
    {
        _batcher.Dispose();
        _lanes.Dispose();
        _encoder.Dispose();
        _decoder.Dispose();
        if (_merged is null)
        {
            _decoderWithPast.Dispose();
        }
    }

    /// <summary>
    /// Sends a request through the batcher and blocks until its batch has run: the streams' API is
    /// synchronous (a partial is returned by AcceptAudio), and they blocked on the lanes before. On a
    /// lane itself it runs alone at once, as a wait for a batch that needs a lane could never end.
    /// </summary>
    private WhisperResult Decode(WhisperRequest request) =>
        _lanes.OwnsCurrentThread ? RunBatch([request])[0] : _batcher.SubmitAsync(request).GetAwaiter().GetResult();

    private IEnumerable<string> CacheNames(Func<int, string, string, string> name, (string Part, string Kind)[] parts)
    {
        for (var layer = 0; layer < Layers; layer++)
        {
            foreach (var (part, kind) in parts)
            {
                yield return name(layer, part, kind);
            }
        }
    }

    private static InferenceSession Open(OnnxSessionFactory sessions, string path, List<InferenceSession> opened)
    {
        try
        {
            var session = sessions.Open(path);
            opened.Add(session);
            return session;
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path} could not be loaded as an ONNX model: {e.Message}", e);
        }
    }

    private static int ReadMelBins(string configPath)
    {
        if (!File.Exists(configPath))
        {
            throw new FileNotFoundException($"The Whisper encoder does not fix its mel bins, and {configPath} (num_mel_bins) is missing.", configPath);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(configPath));
        return json.RootElement.TryGetProperty("num_mel_bins", out var bins) && bins.TryGetInt32(out var value) && value is 80 or 128
            ? value
            : throw new InvalidDataException($"{configPath} has no num_mel_bins of 80 or 128.");
    }
}
