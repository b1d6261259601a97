using System.Text.Json;

namespace SpeechCluster.TestSupport.ContractModels;

public static partial class Seq2SeqContractModel
{
    /// <summary>The NLLB contract's languages (FLORES-200 codes) with their ISO 639-1 codes.</summary>
    public static readonly IReadOnlyList<(string Iso, string Flores)> NllbLanguages =
        [("en", "eng_Latn"), ("es", "spa_Latn"), ("fr", "fra_Latn"), ("de", "deu_Latn")];

    /// <summary>The same four words in each language of <see cref="NllbLanguages"/>, in its order.</summary>
    public static readonly IReadOnlyList<string[]> NllbWords =
    [
        ["hello", "hola", "bonjour", "hallo"],
        ["world", "mundo", "monde", "welt"],
        ["good", "buen", "bon", "guten"],
        ["day", "día", "jour", "tag"],
    ];

    /// <summary>
    /// Writes an NLLB-200 style contract model: the three ONNX files, <c>sentencepiece.bpe.model</c>
    /// (BPE) and a <c>tokenizer.json</c> whose added_tokens list the language tokens after the pieces,
    /// ids shifted by fairseq's offset (<c>&lt;s&gt;</c>=0, <c>&lt;pad&gt;</c>=1, <c>&lt;/s&gt;</c>=2,
    /// <c>&lt;unk&gt;</c>=3, piece = SentencePiece id + 1). Each word of <see cref="NllbWords"/>, from any
    /// language, becomes the same word in the language whose token the decoder was started with.
    /// </summary>
    /// <param name="merged">Writes decoder_model_merged.onnx instead of the two split decoders.</param>
    public static void WriteNllb(string directory, bool merged = false)
    {
        Directory.CreateDirectory(directory);
        var (model, pieces) = SentencePieceModelWriter.ForWords(SentencePieceModelWriter.ModelType.Bpe, NllbWords.SelectMany(words => words));
        File.WriteAllBytes(Path.Combine(directory, "sentencepiece.bpe.model"), model);

        var languageIds = NllbLanguages.Select((language, index) => (long)(pieces.Count + 1 + index)).ToArray();
        var mask = pieces.Count + 1 + NllbLanguages.Count;
        var vocab = mask + 1;
        var added = new List<object>
        {
            new { id = 0, content = "<s>", special = true },
            new { id = 1, content = "<pad>", special = true },
            new { id = 2, content = "</s>", special = true },
            new { id = 3, content = "<unk>", special = true },
        };
        added.AddRange(NllbLanguages.Select((language, index) => (object)new { id = languageIds[index], content = language.Flores, special = true }));
        added.Add(new { id = mask, content = "<mask>", special = true });
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), JsonSerializer.Serialize(new { version = "1.0", added_tokens = added }));

        long Id(string word) => pieces.ToList().IndexOf(SentencePieceModelWriter.WordBoundary + word) + 1;
        const int eos = 2;
        var classes = 1 + NllbLanguages.Count;
        var contextClass = new long[vocab];
        for (var language = 0; language < languageIds.Length; language++)
        {
            contextClass[languageIds[language]] = 1 + language;
        }

        var table = new float[vocab * classes * vocab];
        for (var row = 0; row < vocab * classes; row++)
        {
            table[(row * vocab) + eos] = 10;
        }

        foreach (var words in NllbWords)
        {
            foreach (var source in words)
            {
                for (var language = 0; language < NllbLanguages.Count; language++)
                {
                    var offset = (int)(((Id(source) * classes) + 1 + language) * vocab);
                    table[offset + eos] = 0;
                    table[offset + Id(words[language])] = 10;
                }
            }
        }

        WriteOnnx(directory, vocab, contextClass, classes, table, Context.CachedPosition1, merged);
    }
}
