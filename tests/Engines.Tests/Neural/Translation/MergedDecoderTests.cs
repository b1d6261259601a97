using Microsoft.ML.OnnxRuntime;
using SpeechCluster.Engines.Neural.Translation;
using SpeechCluster.Engines.Translation;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

/// <summary>
/// The merged decoder layout (decoder_model_merged.onnx, as pinned in models/manifest.json). Its
/// contract outputs empty cross-attention presents on the cached branch, like the real graph, and
/// fails if those are fed back: the known texts prove the first step's are kept.
/// </summary>
public sealed class MergedDecoderTests(ContractModelDirectory models) : IClassFixture<ContractModelDirectory>
{
    private const string Sentence = "hello world good day";

    [Fact]
    public void Marian_merged_without_target_spm_translates_like_the_split_export()
    {
        using var split = NeuralTranslationModel.LoadMarian(models.Marian, ContractModelDirectory.Sessions, "en", "es");
        using var merged = NeuralTranslationModel.LoadMarian(models.MarianMerged, ContractModelDirectory.Sessions, "en", "es");
        TranslationRequest[] requests = [new(Sentence, "en", "es"), new("good day", "en", "es")];

        Assert.False(File.Exists(Path.Combine(models.MarianMerged, MarianTokenizer.TargetModelFile)));
        Assert.Equal(["hola mundo buen día", "buen día"], split.TranslateBatch(requests));
        Assert.Equal(["hola mundo buen día", "buen día"], merged.TranslateBatch(requests));
    }

    [Fact]
    public void Marian_merged_beam_search_reorders_the_cache_with_the_beams()
    {
        using var beam = NeuralTranslationModel.LoadMarian(models.MarianMerged, ContractModelDirectory.Sessions, "en", "es",
            new NeuralTranslationOptions { Decoding = new DecodingOptions { BeamWidth = 2 } });
        using var greedy = NeuralTranslationModel.LoadMarian(models.MarianMerged, ContractModelDirectory.Sessions, "en", "es");
        TranslationRequest[] requests = [new(Seq2SeqContractModel.MarianBeamTrap, "en", "es"), new(Sentence, "en", "es")];

        Assert.Equal([Seq2SeqContractModel.MarianBeamTrapBeam, "hola mundo buen día"], beam.TranslateBatch(requests));
        Assert.Equal([Seq2SeqContractModel.MarianBeamTrapGreedy, "hola mundo buen día"], greedy.TranslateBatch(requests));
    }

    [Fact]
    public void Nllb_merged_translates_a_mixed_batch_like_the_split_export()
    {
        TranslationRequest[] requests = [new("hello", "en", "de"), new(Sentence, "en", "es"), new("monde", "fr", "en")];
        string[] expected = ["hallo", "hola mundo buen día", "world"];
        using var split = NeuralTranslationModel.LoadNllb(models.Nllb, ContractModelDirectory.Sessions, ["en", "es", "fr", "de"]);
        using var merged = NeuralTranslationModel.LoadNllb(models.NllbMerged, ContractModelDirectory.Sessions, ["en", "es", "fr", "de"]);

        Assert.Equal(expected, split.TranslateBatch(requests));
        Assert.Equal(expected, merged.TranslateBatch(requests));
    }

    [Fact]
    public void The_split_pair_is_preferred_when_both_layouts_are_there()
    {
        // The merged file is replaced by an encoder: were it opened, its signature check would fail.
        var both = models.CopyOf(models.Marian);
        File.Copy(Path.Combine(both, Seq2SeqSignature.EncoderFile), Path.Combine(both, Seq2SeqSignature.MergedDecoderFile));

        using var model = NeuralTranslationModel.LoadMarian(both, ContractModelDirectory.Sessions, "en", "es");

        Assert.Equal(["hola mundo buen día"], model.TranslateBatch([new(Sentence, "en", "es")]));
    }

    [Theory]
    [InlineData("marian", MarianTokenizer.VocabularyFile)]
    [InlineData("marian", MarianTokenizer.SourceModelFile)]
    [InlineData("nllb", NllbTokenizer.ModelFile)]
    [InlineData("nllb", NllbTokenizer.TokenizerJsonFile)]
    public void A_merged_directory_without_a_tokenizer_file_names_it(string family, string file)
    {
        var broken = models.CopyOf(family == "marian" ? models.MarianMerged : models.NllbMerged);
        File.Delete(Path.Combine(broken, file));

        var error = Assert.Throws<FileNotFoundException>(() => family == "marian"
            ? NeuralTranslationModel.LoadMarian(broken, ContractModelDirectory.Sessions, "en", "es")
            : NeuralTranslationModel.LoadNllb(broken, ContractModelDirectory.Sessions, ["en", "es"]));

        Assert.Contains(file, error.Message);
        Assert.EndsWith(file, error.FileName);
    }

    [Fact]
    public void A_directory_with_no_decoder_names_both_layouts()
    {
        var broken = models.CopyOf(models.NllbMerged);
        File.Delete(Path.Combine(broken, Seq2SeqSignature.MergedDecoderFile));

        var error = Assert.Throws<FileNotFoundException>(() => Seq2SeqModel.Load(broken, ContractModelDirectory.Sessions, padId: 1, eosId: 2));

        Assert.Contains(Seq2SeqSignature.MergedDecoderFile, error.Message);
        Assert.Contains(Seq2SeqSignature.DecoderFile, error.Message);
        Assert.Contains(Seq2SeqSignature.DecoderWithPastFile, error.Message);
    }

    [Fact]
    public void The_merged_contracts_have_the_signature_of_the_merged_export()
    {
        foreach (var directory in new[] { models.MarianMerged, models.NllbMerged })
        {
            using var decoder = new InferenceSession(Path.Combine(directory, Seq2SeqSignature.MergedDecoderFile));

            Assert.Equal(Seq2SeqContractModel.Layers, Seq2SeqSignature.VerifyMergedDecoder(decoder, "merged"));
        }
    }

    [Fact]
    public void A_split_decoder_in_place_of_the_merged_one_is_refused_naming_the_file()
    {
        var broken = models.CopyOf(models.MarianMerged);
        var mergedPath = Path.Combine(broken, Seq2SeqSignature.MergedDecoderFile);
        File.Copy(Path.Combine(models.Marian, Seq2SeqSignature.DecoderFile), mergedPath, overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => Seq2SeqModel.Load(broken, ContractModelDirectory.Sessions, padId: 0, eosId: 0));

        Assert.Contains(mergedPath, error.Message);
        Assert.Contains("use_cache_branch", error.Message);
    }
}
