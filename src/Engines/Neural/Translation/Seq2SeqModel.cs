using Microsoft.ML.OnnxRuntime;
using static SpeechCluster.Engines.Neural.Translation.Seq2SeqSignature;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// An encoder-decoder model in optimum's layout (<see cref="Seq2SeqSignature"/>: the encoder with the
/// split decoder pair or the merged decoder): encodes a
/// batch of sentences once, then decodes them together step by step, feeding each step's key/value
/// cache to the next. Thread-safe: ONNX Runtime sessions run concurrently, and every call keeps its
/// own state. Must be disposed, and not while calls are in flight.
/// </summary>
public sealed class Seq2SeqModel : IDisposable
{
    private readonly InferenceSession _encoder;
    private readonly InferenceSession _decoder;
    private readonly InferenceSession _decoderWithPast;

    /// <summary>Set when <see cref="_decoder"/> and <see cref="_decoderWithPast"/> are one merged session.</summary>
    private readonly MergedDecoderInputs? _merged;
    private readonly bool _withPastTakesEncoderStates;
    private readonly string[] _firstStepOutputs;
    private readonly string[] _laterStepOutputs;

    private Seq2SeqModel(
        InferenceSession encoder, InferenceSession decoder, InferenceSession decoderWithPast, MergedDecoderInputs? merged, int layers, long padId, long eosId)
    {
        _encoder = encoder;
        _decoder = decoder;
        _decoderWithPast = decoderWithPast;
        _merged = merged;
        Layers = layers;
        PadId = padId;
        EosId = eosId;

        // Some older exports still take the encoder's states at every step; give them when asked.
        _withPastTakesEncoderStates = decoderWithPast.InputMetadata.ContainsKey(EncoderHiddenStates);
        _firstStepOutputs = [Logits, .. Enumerable.Range(0, layers).SelectMany(layer => CacheParts.Select(part => Present(layer, part)))];
        // Decoder presents only: the merged decoder's cached branch outputs empty encoder presents.
        _laterStepOutputs = [Logits, .. Enumerable.Range(0, layers).SelectMany(layer => CacheParts.Take(2).Select(part => Present(layer, part)))];
    }

    public int Layers { get; }

    public long PadId { get; }

    public long EosId { get; }

    /// <summary>
    /// Opens the encoder and the decoders in <paramref name="directory"/> (or in its <c>onnx/</c> folder, the
    /// layout of the Xenova repositories) and checks their signatures: the split pair when both its files
    /// are there, else the merged decoder (see <see cref="OptimumDecoderFiles"/>).
    /// </summary>
    /// <param name="padId">Pads short sentences of a batch (the decoder never sees it past an end).</param>
    /// <param name="eosId">The end-of-sentence token that stops a sentence.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is not the expected export; the message names it.</exception>
    public static Seq2SeqModel Load(string directory, OnnxSessionFactory sessions, long padId, long eosId)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var folder = File.Exists(Path.Combine(directory, EncoderFile)) || !Directory.Exists(Path.Combine(directory, "onnx"))
            ? directory
            : Path.Combine(directory, "onnx");
        var opened = new List<InferenceSession>(3);
        try
        {
            var encoderPath = Required(folder, EncoderFile);
            var decoders = OptimumDecoderFiles.Find(folder, "The translation model");
            var encoder = Open(sessions, encoderPath, opened);
            VerifyEncoder(encoder, encoderPath);
            var decoder = Open(sessions, decoders.First, opened);
            if (decoders.WithPast is not { } withPastPath)
            {
                var merged = MergedDecoderInputs.For(decoder, decoders.First, Path.Combine(directory, "config.json"));
                return new Seq2SeqModel(encoder, decoder, decoder, merged, VerifyMergedDecoder(decoder, decoders.First), padId, eosId);
            }

            var layers = VerifyDecoder(decoder, decoders.First);
            var withPast = Open(sessions, withPastPath, opened);
            VerifyDecoderWithPast(withPast, withPastPath, layers);
            return new Seq2SeqModel(encoder, decoder, withPast, null, layers, padId, eosId);
        }
        catch
        {
            opened.ForEach(session => session.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Generates an output for every request, as one batch (requests with decoder prefixes of
    /// different lengths run as separate batches). Returns the output ids, end-of-sentence left out.
    /// </summary>
    public IReadOnlyList<long[]> Generate(IReadOnlyList<Seq2SeqRequest> requests, DecodingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var results = new long[requests.Count][];
        foreach (var group in Enumerable.Range(0, requests.Count).GroupBy(index => requests[index].DecoderPrefix.Count))
        {
            var indices = group.ToArray();
            var outputs = GenerateBatch([.. indices.Select(index => requests[index])], options, cancellationToken);
            for (var i = 0; i < indices.Length; i++)
            {
                results[indices[i]] = outputs[i];
            }
        }

        return results;
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
        if (_merged is null)
        {
            _decoderWithPast.Dispose();
        }
    }

    private long[][] GenerateBatch(Seq2SeqRequest[] requests, DecodingOptions options, CancellationToken cancellationToken)
    {
        var width = options.BeamWidth;
        var batch = new Seq2SeqBatchInputs(requests, width, PadId);
        var searches = requests
            .Select(request => new SentenceSearch(width, EosId, options.LengthPenalty, options.MaxNewTokens(request.SourceIds.Count)))
            .ToArray();

        using var runOptions = new RunOptions();
        using var encoderMask = batch.EncoderMask();
        using var encoderStates = Encode(batch, runOptions);

        // The first step's outputs hold the cross-attention cache, which every later step reads.
        using var firstStep = RunFirstStep(batch, encoderMask, encoderStates, runOptions);
        var crossCache = new Dictionary<string, OrtValue>();
        for (var layer = 0; layer < Layers; layer++)
        {
            crossCache[Past(layer, "encoder.key")] = firstStep[1 + (layer * 4) + 2];
            crossCache[Past(layer, "encoder.value")] = firstStep[1 + (layer * 4) + 3];
        }

        var cache = new DecoderCache(Layers, firstStep, stride: 4);
        try
        {
            var sourceBeam = new int[batch.Rows];
            var nextToken = new long[batch.Rows];
            var logits = firstStep[0];
            IDisposable? laterStep = null;
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var logProbs = LastPositionLogProbs(logits, batch.Rows, out var vocab);
                    for (var sentence = 0; sentence < searches.Length; sentence++)
                    {
                        var rows = new Range(sentence * width, (sentence + 1) * width);
                        searches[sentence].Step(logProbs.AsSpan(sentence * width * vocab, width * vocab), vocab, sourceBeam.AsSpan(rows), nextToken.AsSpan(rows));
                    }

                    if (searches.All(search => search.Done))
                    {
                        break;
                    }

                    cache.Reorder(sourceBeam, width);
                    var step = RunLaterStep(nextToken, encoderMask, encoderStates, crossCache, cache, runOptions);
                    laterStep?.Dispose();
                    laterStep = step;
                    cache.Take(step, firstOffset: 1, stride: 2);
                    logits = step[0];
                }
            }
            finally
            {
                laterStep?.Dispose();
            }
        }
        finally
        {
            cache.Dispose();
        }

        return [.. searches.Select(search => search.Best())];
    }

    private OrtValue Encode(Seq2SeqBatchInputs batch, RunOptions runOptions)
    {
        using var ids = batch.SourceIds(perSentence: true);
        using var mask = batch.SourceMask(perSentence: true);
        using var outputs = _encoder.Run(runOptions, new Dictionary<string, OrtValue> { [InputIds] = ids, [AttentionMask] = mask }, [LastHiddenState]);
        return batch.RepeatPerBeam(outputs[0]);
    }

    private IDisposableReadOnlyCollection<OrtValue> RunFirstStep(Seq2SeqBatchInputs batch, OrtValue encoderMask, OrtValue encoderStates, RunOptions runOptions)
    {
        using var prefix = batch.DecoderPrefix();
        var names = new List<string> { EncoderAttentionMask, InputIds, EncoderHiddenStates };
        var values = new List<OrtValue> { encoderMask, prefix, encoderStates };
        var madeHere = values.Count;
        _merged?.AddFirstStepInputs(names, values, batch.Rows);
        try
        {
            return _decoder.Run(runOptions, names, values, _firstStepOutputs);
        }
        finally
        {
            values.Skip(madeHere).ToList().ForEach(value => value.Dispose());
        }
    }

    private IDisposableReadOnlyCollection<OrtValue> RunLaterStep(
        long[] tokens, OrtValue encoderMask, OrtValue encoderStates, Dictionary<string, OrtValue> crossCache, DecoderCache cache, RunOptions runOptions)
    {
        using var ids = OrtValue.CreateTensorValueFromMemory(tokens, [tokens.Length, 1]);
        var inputs = new Dictionary<string, OrtValue>(crossCache) { [EncoderAttentionMask] = encoderMask, [InputIds] = ids };
        if (_withPastTakesEncoderStates)
        {
            inputs[EncoderHiddenStates] = encoderStates;
        }

        for (var layer = 0; layer < Layers; layer++)
        {
            inputs[Past(layer, "decoder.key")] = cache.Key(layer);
            inputs[Past(layer, "decoder.value")] = cache.Value(layer);
        }

        using var useCache = _merged is null ? null : MergedDecoderInputs.Branch(useCache: true);
        if (useCache is not null)
        {
            inputs[MergedDecoderInputs.UseCacheBranch] = useCache;
        }

        return _decoderWithPast.Run(runOptions, inputs, _laterStepOutputs);
    }

    /// <summary>Log-softmax of each row's logits at the last decoder position: [rows × vocab].</summary>
    private static float[] LastPositionLogProbs(OrtValue logits, int rows, out int vocab)
    {
        var shape = logits.GetTensorTypeAndShape().Shape;
        var positions = (int)shape[1];
        vocab = (int)shape[2];
        var data = logits.GetTensorDataAsSpan<float>();
        var result = new float[rows * vocab];
        for (var row = 0; row < rows; row++)
        {
            var source = data.Slice(((row * positions) + positions - 1) * vocab, vocab);
            var target = result.AsSpan(row * vocab, vocab);
            var max = float.NegativeInfinity;
            foreach (var value in source)
            {
                max = Math.Max(max, value);
            }

            double sum = 0;
            foreach (var value in source)
            {
                sum += Math.Exp(value - max);
            }

            var logSum = max + (float)Math.Log(sum);
            for (var token = 0; token < vocab; token++)
            {
                target[token] = source[token] - logSum;
            }
        }

        return result;
    }

    private static string Required(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The translation model lacks {file} in {folder} (an optimum/Xenova ONNX export has encoder_model.onnx and decoder_model_merged.onnx, or decoder_model.onnx and decoder_with_past_model.onnx).", path);
    }

    private static InferenceSession Open(OnnxSessionFactory sessions, string path, List<InferenceSession> opened)
    {
        var session = sessions.Open(path);
        opened.Add(session);
        return session;
    }
}
