using System.Text.Json;

namespace SpeechCluster.TestSupport.ContractModels;

public static partial class Seq2SeqContractModel
{
    /// <summary>The Marian contract's en → es dictionary (word by word, in order).</summary>
    public static readonly IReadOnlyDictionary<string, string> MarianDictionary = new Dictionary<string, string>
    {
        ["hello"] = "hola",
        ["world"] = "mundo",
        ["good"] = "buen",
        ["day"] = "día",
        // As TrueText hands a final over: cased and punctuated.
        ["Hello"] = "Hola",
        ["world."] = "mundo.",
    };

    /// <summary>A source on which greedy and beam search disagree (see <see cref="WriteMarian"/>).</summary>
    public const string MarianBeamTrap = "trap next more";

    public const string MarianBeamTrapGreedy = "uno tres seis";

    public const string MarianBeamTrapBeam = "dos cuatro cinco";

    /// <summary>
    /// Writes a Marian (OPUS-MT style) en → es contract model into <paramref name="directory"/>: the
    /// three ONNX files, <c>source.spm</c> and <c>target.spm</c> (unigram), <c>vocab.json</c> (Marian's
    /// own ids: <c>&lt;/s&gt;</c>=0, <c>&lt;unk&gt;</c>=1, ..., <c>&lt;pad&gt;</c> last, unlike the SentencePiece
    /// ids) and <c>config.json</c>. It translates <see cref="MarianDictionary"/> word by word. On
    /// <see cref="MarianBeamTrap"/>, "trap" gives "uno" slightly above "dos", but after "uno" "next"
    /// is nearly uniform (a weak "tres"), after "dos" a sure "cuatro"; "more" becomes "cinco" after
    /// "dos" two steps back and "seis" after "uno": greedy writes <see cref="MarianBeamTrapGreedy"/>,
    /// a beam of 2 <see cref="MarianBeamTrapBeam"/> (and "dos cuatro seis" if the cache is not
    /// reordered with the beams).
    /// </summary>
    /// <param name="merged">
    /// The layout pinned in models/manifest.json: decoder_model_merged.onnx instead of the split
    /// decoders, and no target.spm (target text is decoded through vocab.json).
    /// </param>
    /// <param name="spanishToEnglish">
    /// An es → en model instead: <see cref="MarianDictionary"/> read backwards ("Hola" → "Hello",
    /// "mundo." → "world."); the beam trap stays as it is.
    /// </param>
    public static void WriteMarian(string directory, bool merged = false, bool spanishToEnglish = false)
    {
        Directory.CreateDirectory(directory);
        var dictionary = spanishToEnglish ? MarianDictionary.ToDictionary(pair => pair.Value, pair => pair.Key) : MarianDictionary;
        string[] sourceWords = [.. dictionary.Keys, "trap", "next", "more"];
        string[] targetWords = [.. dictionary.Values, "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete"];
        var (sourceModel, sourcePieces) = SentencePieceModelWriter.ForWords(SentencePieceModelWriter.ModelType.Unigram, sourceWords);
        var (targetModel, targetPieces) = SentencePieceModelWriter.ForWords(SentencePieceModelWriter.ModelType.Unigram, targetWords);
        File.WriteAllBytes(Path.Combine(directory, "source.spm"), sourceModel);
        if (!merged)
        {
            File.WriteAllBytes(Path.Combine(directory, "target.spm"), targetModel);
        }


        var vocabulary = new Dictionary<string, long> { ["</s>"] = 0, ["<unk>"] = 1 };
        foreach (var piece in sourcePieces.Concat(targetPieces).Where(piece => piece is not ("<unk>" or "<s>" or "</s>")))
        {
            vocabulary.TryAdd(piece, vocabulary.Count);
        }

        var pad = vocabulary["<pad>"] = vocabulary.Count;
        var vocab = vocabulary.Count;
        File.WriteAllText(Path.Combine(directory, "vocab.json"), JsonSerializer.Serialize(vocabulary));
        File.WriteAllText(Path.Combine(directory, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model_type"] = "marian",
            ["decoder_start_token_id"] = pad,
            ["pad_token_id"] = pad,
            ["eos_token_id"] = 0,
            ["vocab_size"] = vocab,
        }));

        long Id(string word) => vocabulary[SentencePieceModelWriter.WordBoundary + word];
        const int eos = 0;
        var contextClass = new long[vocab];
        contextClass[Id("uno")] = 1;
        contextClass[Id("dos")] = 2;
        const int classes = 3;
        var table = new float[vocab * classes * vocab];
        Span<float> Row(long source, int context) => table.AsSpan((int)(((source * classes) + context) * vocab), vocab);
        for (var source = 0; source < vocab; source++)
        {
            for (var context = 0; context < classes; context++)
            {
                Row(source, context)[eos] = 10;
            }
        }

        foreach (var (source, target) in dictionary)
        {
            for (var context = 0; context < classes; context++)
            {
                var row = Row(Id(source), context);
                row.Clear();
                row[(int)Id(target)] = 10;
            }
        }

        for (var context = 0; context < classes; context++)
        {
            var trap = Row(Id("trap"), context);
            trap.Clear();
            trap[(int)Id("uno")] = 5;
            trap[(int)Id("dos")] = 4.5f;
            Row(Id("next"), context).Clear();
        }

        Row(Id("next"), 0)[(int)Id("tres")] = 10;
        Row(Id("next"), 1)[(int)Id("tres")] = 1;
        Row(Id("next"), 2)[(int)Id("cuatro")] = 10;
        string[] more = ["siete", "seis", "cinco"];
        for (var context = 0; context < classes; context++)
        {
            Row(Id("more"), context).Clear();
            Row(Id("more"), context)[(int)Id(more[context])] = 10;
        }

        WriteOnnx(directory, vocab, contextClass, classes, table, Context.PreviousToken, merged);
    }
}
