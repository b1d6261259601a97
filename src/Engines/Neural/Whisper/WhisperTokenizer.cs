using System.Text;
using System.Text.Json;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Decodes Whisper token ids to text from a Hugging Face <c>tokenizer.json</c> (byte-level BPE), and
/// finds the special tokens of the decoder prompt by their text. Thread-safe (read-only after load).
/// </summary>
/// <remarks>
/// Recognition only ever decodes, and decoding byte-level BPE is a table look-up: each token's text is
/// a run of byte-level characters (<see cref="ByteLevelAlphabet"/>), so the bytes of all tokens are
/// concatenated and read as UTF-8. Encoding (merges) is never needed and not implemented.
/// </remarks>
public sealed class WhisperTokenizer
{
    public const string EndOfText = "<|endoftext|>";
    public const string StartOfTranscript = "<|startoftranscript|>";
    public const string Transcribe = "<|transcribe|>";
    public const string NoTimestamps = "<|notimestamps|>";

    private readonly string?[] _tokens;
    private readonly bool[] _special;
    private readonly Dictionary<string, int> _addedTokens;

    private WhisperTokenizer(string?[] tokens, bool[] special, Dictionary<string, int> addedTokens)
    {
        _tokens = tokens;
        _special = special;
        _addedTokens = addedTokens;
    }

    /// <summary>Ids past the vocabulary and added tokens (e.g. padding rows of the logits) count as special.</summary>
    public int Count => _tokens.Length;

    public static WhisperTokenizer Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Whisper tokenizer {path} is missing.", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var json = JsonDocument.Parse(stream);
            return FromJson(json.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a Hugging Face tokenizer.json with a byte-level BPE vocabulary: {e.Message}", e);
        }
    }

    /// <summary>The id of an added token such as <c>&lt;|es|&gt;</c>, or null when the vocabulary has none.</summary>
    public int? FindSpecial(string text) => _addedTokens.TryGetValue(text, out var id) ? id : null;

    /// <summary>The id of a special token the decoder cannot do without.</summary>
    public int RequireSpecial(string text) =>
        FindSpecial(text) ?? throw new InvalidDataException($"The Whisper tokenizer has no {text} token.");

    /// <summary>Whether <paramref name="id"/> is a special token (prompt, language, task, timestamp), never text.</summary>
    public bool IsSpecial(int id) => id < 0 || id >= _special.Length || _special[id];

    /// <summary>The text of <paramref name="ids"/>, special tokens left out.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if (IsSpecial(id) || _tokens[id] is not { } token)
            {
                continue;
            }

            foreach (var c in token)
            {
                if (ByteLevelAlphabet.TryGetByte(c, out var b))
                {
                    bytes.Add(b);
                }
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static WhisperTokenizer FromJson(JsonElement root)
    {
        var model = root.GetProperty("model");
        var type = model.TryGetProperty("type", out var t) ? t.GetString() : "BPE";
        if (type != "BPE")
        {
            throw new FormatException($"the model is {type}, not BPE");
        }

        var vocabulary = new Dictionary<int, string>();
        foreach (var entry in model.GetProperty("vocab").EnumerateObject())
        {
            vocabulary[entry.Value.GetInt32()] = entry.Name;
        }

        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        var specialIds = new HashSet<int>();
        if (root.TryGetProperty("added_tokens", out var addedTokens))
        {
            foreach (var token in addedTokens.EnumerateArray())
            {
                var id = token.GetProperty("id").GetInt32();
                var content = token.GetProperty("content").GetString() ?? "";
                added[content] = id;
                vocabulary.TryAdd(id, content);
                // Newer Whisper tokenizers add the timestamp tokens (<|0.00|>...) as "special": false;
                // they are never text either.
                var marked = !token.TryGetProperty("special", out var special) || special.GetBoolean();
                if (marked || (content.StartsWith("<|", StringComparison.Ordinal) && content.EndsWith("|>", StringComparison.Ordinal)))
                {
                    specialIds.Add(id);
                }
            }
        }

        var count = vocabulary.Count == 0 ? 0 : vocabulary.Keys.Max() + 1;
        var tokens = new string?[count];
        var isSpecial = new bool[count];
        foreach (var (id, text) in vocabulary)
        {
            tokens[id] = text;
            isSpecial[id] = specialIds.Contains(id);
        }

        return new WhisperTokenizer(tokens, isSpecial, added);
    }
}
