using System.Text.Json;
using SpeechCluster.Engines.Neural.Translation;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

public sealed class TranslationTokenizerTests(ContractModelDirectory models) : IClassFixture<ContractModelDirectory>
{
    [Fact]
    public void Marian_maps_pieces_through_vocab_json_and_ends_the_source_with_eos()
    {
        var tokenizer = MarianTokenizer.Load(models.Marian);
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(Path.Combine(models.Marian, "vocab.json")))!;

        var ids = tokenizer.EncodeSource("hello world", "en");

        Assert.Equal([vocabulary["▁hello"], vocabulary["▁world"], vocabulary["</s>"]], ids);
        Assert.Equal(vocabulary["<pad>"], tokenizer.PadId);
        Assert.Equal([vocabulary["<pad>"]], tokenizer.DecoderPrefix("es"));
    }

    [Fact]
    public void Marian_decodes_target_pieces_with_non_ascii_text_and_drops_specials()
    {
        var tokenizer = MarianTokenizer.Load(models.Marian);
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(Path.Combine(models.Marian, "vocab.json")))!;

        var text = tokenizer.Decode([vocabulary["▁buen"], vocabulary["▁día"], vocabulary["</s>"], vocabulary["<pad>"]]);

        Assert.Equal("buen día", text);
    }

    [Fact]
    public void Marian_without_target_spm_decodes_through_vocab_json_and_drops_specials()
    {
        var withoutTarget = models.CopyOf(models.Marian);
        File.Delete(Path.Combine(withoutTarget, MarianTokenizer.TargetModelFile));
        var tokenizer = MarianTokenizer.Load(withoutTarget);
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(Path.Combine(withoutTarget, "vocab.json")))!;

        var text = tokenizer.Decode([vocabulary["<pad>"], vocabulary["▁buen"], vocabulary["▁día"], vocabulary["<unk>"], vocabulary["</s>"]]);

        Assert.Equal("buen día", text);
        Assert.Equal([vocabulary["▁hello"], vocabulary["</s>"]], tokenizer.EncodeSource("hello", "en"));
    }

    [Fact]
    public void Nllb_source_is_language_token_then_offset_pieces_then_eos_and_round_trips_non_ascii()
    {
        var tokenizer = NllbTokenizer.Load(models.Nllb, ["en", "es"]);

        var ids = tokenizer.EncodeSource("buen día", "es");

        Assert.Equal(SpanishTokenId(), ids[0]);
        Assert.Equal(2, ids[^1]);
        Assert.All(ids.Skip(1).SkipLast(1), id => Assert.InRange(id, 4, SpanishTokenId() - 1));
        Assert.Equal("buen día", tokenizer.Decode(ids));
        Assert.Equal([2L, SpanishTokenId()], tokenizer.DecoderPrefix("es"));
    }

    [Fact]
    public void Nllb_refuses_a_language_the_export_has_no_token_for()
    {
        var error = Assert.Throws<InvalidDataException>(() => NllbTokenizer.Load(models.Nllb, ["en", "it"]));

        Assert.Contains("ita_Latn", error.Message);
    }

    private long SpanishTokenId()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(models.Nllb, "tokenizer.json")));
        return json.RootElement.GetProperty("added_tokens").EnumerateArray()
            .Single(token => token.GetProperty("content").GetString() == Seq2SeqContractModel.NllbLanguages[1].Flores)
            .GetProperty("id").GetInt64();
    }
}
