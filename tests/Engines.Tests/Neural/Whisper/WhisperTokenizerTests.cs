using System.Text.Json;
using SpeechCluster.Engines.Neural.Whisper;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

public sealed class WhisperTokenizerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"whisper-tokenizer-{Guid.NewGuid():N}.json");

    public WhisperTokenizerTests()
    {
        // Tokens in GPT-2's byte-level alphabet, written out by hand: '¿' is UTF-8 C2 BF, shown as
        // "Â¿"; 'ó' is C3 B3 ("Ã³"), 'á' C3 A1 ("Ã¡"); a space is 'Ġ' (U+0120); "Ã" and "³" alone
        // are the two halves of 'ó' in two tokens.
        var vocab = new Dictionary<string, int>
        {
            ["Â¿"] = 0, ["D"] = 1, ["Ã³"] = 2, ["nde"] = 3, ["Ġest"] = 4, ["Ã¡"] = 5, ["?"] = 6, ["Ã"] = 7, ["³"] = 8, ["n"] = 9,
        };
        var added = new object[]
        {
            new { id = 10, content = "<|endoftext|>", special = true },
            new { id = 11, content = "<|startoftranscript|>", special = true },
            new { id = 12, content = "<|es|>", special = true },
            new { id = 13, content = "<|0.00|>", special = false },
        };
        File.WriteAllText(_path, JsonSerializer.Serialize(new { added_tokens = added, model = new { type = "BPE", vocab, merges = Array.Empty<string>() } }));
    }

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Byte_level_tokens_decode_to_utf8_text()
    {
        var tokenizer = WhisperTokenizer.Load(_path);

        Assert.Equal("¿Dónde está?", tokenizer.Decode([0, 1, 2, 3, 4, 5, 6]));
    }

    [Fact]
    public void A_character_split_across_tokens_is_joined()
    {
        var tokenizer = WhisperTokenizer.Load(_path);

        Assert.Equal("Dón", tokenizer.Decode([1, 7, 8, 9]));
    }

    [Fact]
    public void Special_and_timestamp_tokens_are_found_by_text_and_never_decoded()
    {
        var tokenizer = WhisperTokenizer.Load(_path);

        Assert.Equal(12, tokenizer.FindSpecial("<|es|>"));
        Assert.Null(tokenizer.FindSpecial("<|de|>"));
        Assert.True(tokenizer.IsSpecial(13));
        Assert.False(tokenizer.IsSpecial(4));
        Assert.Equal("D?", tokenizer.Decode([11, 12, 1, 13, 6, 10]));
    }

    [Fact]
    public void A_file_that_is_not_a_tokenizer_is_named()
    {
        File.WriteAllText(_path, "{\"model\": {\"type\": \"Unigram\"}}");

        var error = Assert.Throws<InvalidDataException>(() => WhisperTokenizer.Load(_path));

        Assert.Contains(_path, error.Message);
    }
}
