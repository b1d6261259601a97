using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>Reads the tokenizer files that sit beside a seq2seq export.</summary>
internal static class SentencePieceFiles
{
    public static string Required(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The translation model lacks its tokenizer file {file} in {directory}.", path);
    }

    public static SentencePieceTokenizer Open(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new InvalidDataException($"{path} is not a SentencePiece model: {e.Message}", e);
        }
    }

    /// <summary>A JSON object of string → integer (Marian's vocab.json).</summary>
    public static Dictionary<string, long> ReadVocabulary(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, long>>(stream)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a JSON object of token → id: {e.Message}", e);
        }
    }
}
