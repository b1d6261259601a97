using Microsoft.ML.OnnxRuntime;
using SpeechCluster.Engines.Neural.Translation;

namespace SpeechCluster.Engines.Tests.Neural.Translation;

public sealed class Seq2SeqSignatureTests(ContractModelDirectory models) : IClassFixture<ContractModelDirectory>
{
    [Fact]
    public void The_contract_models_have_the_signature_of_an_optimum_export()
    {
        foreach (var directory in new[] { models.Marian, models.Nllb })
        {
            using var encoder = new InferenceSession(Path.Combine(directory, Seq2SeqSignature.EncoderFile));
            using var decoder = new InferenceSession(Path.Combine(directory, Seq2SeqSignature.DecoderFile));
            using var withPast = new InferenceSession(Path.Combine(directory, Seq2SeqSignature.DecoderWithPastFile));

            Seq2SeqSignature.VerifyEncoder(encoder, "encoder");
            var layers = Seq2SeqSignature.VerifyDecoder(decoder, "decoder");
            Seq2SeqSignature.VerifyDecoderWithPast(withPast, "decoder with past", layers);
            Assert.Equal(2, layers);
        }
    }

    [Fact]
    public void A_file_with_other_names_is_refused_with_a_message_naming_it()
    {
        var broken = models.CopyOf(models.Marian);
        File.Copy(Path.Combine(broken, Seq2SeqSignature.EncoderFile), Path.Combine(broken, Seq2SeqSignature.DecoderWithPastFile), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => Seq2SeqModel.Load(broken, ContractModelDirectory.Sessions, padId: 0, eosId: 0));

        Assert.Contains(Seq2SeqSignature.DecoderWithPastFile, error.Message);
        Assert.Contains("encoder_attention_mask", error.Message);
    }

    [Fact]
    public void A_decoder_whose_logits_are_not_a_float_tensor_is_refused()
    {
        var broken = models.CopyOf(models.Marian);
        File.Copy(Path.Combine(broken, Seq2SeqSignature.EncoderFile), Path.Combine(broken, Seq2SeqSignature.DecoderFile), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => Seq2SeqModel.Load(broken, ContractModelDirectory.Sessions, padId: 0, eosId: 0));

        Assert.Contains(Seq2SeqSignature.DecoderFile, error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var broken = models.CopyOf(models.Nllb);
        File.Delete(Path.Combine(broken, Seq2SeqSignature.DecoderFile));

        var error = Assert.Throws<FileNotFoundException>(() => Seq2SeqModel.Load(broken, ContractModelDirectory.Sessions, padId: 1, eosId: 2));

        Assert.Contains(Seq2SeqSignature.DecoderFile, error.Message);
    }

    [Fact]
    public void A_missing_tokenizer_file_is_named()
    {
        var broken = models.CopyOf(models.Marian);
        File.Delete(Path.Combine(broken, MarianTokenizer.VocabularyFile));

        var error = Assert.Throws<FileNotFoundException>(() => MarianTokenizer.Load(broken));

        Assert.Contains(MarianTokenizer.VocabularyFile, error.Message);
    }
}
