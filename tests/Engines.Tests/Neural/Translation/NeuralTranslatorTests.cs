using SpeechCluster.Engines.Neural.Batching;
using SpeechCluster.Engines.Neural.Translation;
using SpeechCluster.Engines.Translation;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

public sealed class NeuralTranslatorTests(ContractModelDirectory models) : IClassFixture<ContractModelDirectory>
{
    [Fact]
    public async Task Marian_greedy_translates_word_by_word_through_the_cache()
    {
        using var translator = new NeuralTranslator([NeuralTranslationModel.LoadMarian(models.Marian, ContractModelDirectory.Sessions, "en", "es")]);

        // Four output words: each position is read from the cache length, so a cache that is not
        // passed on or not grown repeats or misplaces words.
        Assert.Equal("hola mundo buen día", await translator.TranslateAsync("hello world good day", "en", "es"));
        Assert.Equal("buen día", await translator.TranslateAsync("good day", "en", "es"));
        Assert.Equal([new LanguagePair("en", "es")], translator.Pairs);
    }

    [Fact]
    public async Task Empty_text_is_empty_and_an_unknown_pair_is_refused()
    {
        using var translator = new NeuralTranslator([NeuralTranslationModel.LoadMarian(models.Marian, ContractModelDirectory.Sessions, "en", "es")]);

        Assert.Equal("", await translator.TranslateAsync("  ", "en", "es"));
        await Assert.ThrowsAsync<NotSupportedException>(() => translator.TranslateAsync("hello", "es", "en"));
    }

    [Fact]
    public async Task Nllb_serves_every_pair_and_the_target_language_token_steers_the_output()
    {
        using var translator = new NeuralTranslator([NeuralTranslationModel.LoadNllb(models.Nllb, ContractModelDirectory.Sessions, ["en", "es", "fr", "de"])]);

        Assert.Equal(12, translator.Pairs.Count);
        Assert.Equal("hola mundo", await translator.TranslateAsync("hello world", "en", "es"));
        Assert.Equal("bonjour monde", await translator.TranslateAsync("hello world", "en", "fr"));
        Assert.Equal("guten tag", await translator.TranslateAsync("buen día", "es", "de"));
        Assert.Equal("good day", await translator.TranslateAsync("bon jour", "fr", "en"));
    }

    [Fact]
    public void Beam_search_finds_the_likelier_sentence_that_greedy_misses()
    {
        using var greedy = NeuralTranslationModel.LoadMarian(models.Marian, ContractModelDirectory.Sessions, "en", "es");
        using var beam = NeuralTranslationModel.LoadMarian(models.Marian, ContractModelDirectory.Sessions, "en", "es",
            new NeuralTranslationOptions { Decoding = new DecodingOptions { BeamWidth = 2 } });
        TranslationRequest[] requests = [new(Seq2SeqContractModel.MarianBeamTrap, "en", "es"), new("hello world good day", "en", "es")];

        Assert.Equal([Seq2SeqContractModel.MarianBeamTrapGreedy, "hola mundo buen día"], greedy.TranslateBatch(requests));
        Assert.Equal([Seq2SeqContractModel.MarianBeamTrapBeam, "hola mundo buen día"], beam.TranslateBatch(requests));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_output_is_bounded_relative_to_the_source_length(int beamWidth)
    {
        // Five source ids (four words and </s>) × 0.5 → at most three output tokens.
        var decoding = new DecodingOptions { BeamWidth = beamWidth, MaxLengthFactor = 0.5, MaxLengthExtra = 0 };
        using var model = NeuralTranslationModel.LoadMarian(models.Marian, ContractModelDirectory.Sessions, "en", "es", new NeuralTranslationOptions { Decoding = decoding });

        Assert.Equal(["hola mundo buen"], model.TranslateBatch([new("hello world good day", "en", "es")]));
    }

    [Fact]
    public void A_batch_of_different_lengths_and_targets_gives_each_sentence_its_own_translation()
    {
        using var nllb = NeuralTranslationModel.LoadNllb(models.Nllb, ContractModelDirectory.Sessions, ["en", "es", "fr", "de"]);

        var texts = nllb.TranslateBatch([
            new("hello", "en", "de"),
            new("hello world good day", "en", "es"),
            new("monde", "fr", "en"),
        ]);

        Assert.Equal(["hallo", "hola mundo buen día", "world"], texts);
    }

    [Fact]
    public async Task Concurrent_calls_within_the_window_run_as_one_batch_and_each_gets_its_own_result()
    {
        // A window far longer than the test: the batch closes because it is full, not by time.
        var options = new NeuralTranslationOptions { Batching = new RequestBatcherOptions { Window = TimeSpan.FromMinutes(1), MaxBatchSize = 6 } };
        using var model = NeuralTranslationModel.LoadNllb(models.Nllb, ContractModelDirectory.Sessions, ["en", "es", "fr", "de"], options);
        using var translator = new NeuralTranslator([model]);
        (string Text, string From, string To, string Expected)[] calls =
        [
            ("hello world", "en", "es", "hola mundo"),
            ("hello world", "en", "fr", "bonjour monde"),
            ("good day", "en", "de", "guten tag"),
            ("hola", "es", "en", "hello"),
            ("welt tag", "de", "fr", "monde jour"),
            ("day good world hello", "en", "es", "día buen mundo hola"),
        ];

        var results = await Task.WhenAll(calls.Select(call => Task.Run(() => translator.TranslateAsync(call.Text, call.From, call.To))));

        Assert.Equal(calls.Select(call => call.Expected), results);
        Assert.Equal(1, model.BatchesRun);
    }
}
