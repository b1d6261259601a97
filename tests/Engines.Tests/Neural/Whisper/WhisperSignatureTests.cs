using SpeechCluster.Engines.Neural.Whisper;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

public sealed class WhisperSignatureTests
{
    [Fact]
    public void The_contract_model_has_the_signature_of_the_optimum_export()
    {
        using var directory = new ContractModelDirectory("hola");
        using var encoder = ContractModelDirectory.Sessions.Open(Path.Combine(directory.Path, WhisperModel.EncoderFile));
        using var decoder = ContractModelDirectory.Sessions.Open(Path.Combine(directory.Path, WhisperModel.DecoderFile));
        using var withPast = ContractModelDirectory.Sessions.Open(Path.Combine(directory.Path, WhisperModel.DecoderWithPastFile));

        Assert.Equal(80, WhisperSignature.VerifyEncoder(encoder, "encoder_model.onnx"));
        Assert.Equal(WhisperContractModel.Layers, WhisperSignature.VerifyDecoder(decoder, "decoder_model.onnx"));
        WhisperSignature.VerifyDecoderWithPast(withPast, "decoder_with_past_model.onnx", WhisperContractModel.Layers);
    }

    [Fact]
    public void An_encoder_with_another_input_name_is_refused_naming_the_file()
    {
        using var encoder = ContractModelDirectory.Sessions.Open(WhisperContractModel.EncoderWithInput("mel"));

        var error = Assert.Throws<InvalidDataException>(() => WhisperSignature.VerifyEncoder(encoder, "/models/whisper/encoder_model.onnx"));

        Assert.Contains("/models/whisper/encoder_model.onnx", error.Message);
        Assert.Contains("input_features", error.Message);
    }

    [Fact]
    public void The_decoders_swapped_are_refused()
    {
        using var directory = new ContractModelDirectory("hola");
        using var withPast = ContractModelDirectory.Sessions.Open(Path.Combine(directory.Path, WhisperModel.DecoderWithPastFile));

        var error = Assert.Throws<InvalidDataException>(() => WhisperSignature.VerifyDecoder(withPast, "decoder_model.onnx"));

        Assert.Contains("decoder_model.onnx", error.Message);
        Assert.Contains("encoder_hidden_states", error.Message);
    }

    [Fact]
    public void Loading_a_directory_with_a_wrong_encoder_names_that_file()
    {
        using var directory = new ContractModelDirectory("hola");
        var encoderPath = Path.Combine(directory.Path, WhisperModel.EncoderFile);
        File.WriteAllBytes(encoderPath, WhisperContractModel.EncoderWithInput("mel"));

        var error = Assert.Throws<InvalidDataException>(directory.Load);

        Assert.Contains(encoderPath, error.Message);
    }

    [Theory]
    [InlineData(WhisperModel.EncoderFile)]
    [InlineData(WhisperModel.DecoderWithPastFile)]
    [InlineData(WhisperModel.TokenizerFile)]
    public void A_missing_file_is_named(string file)
    {
        using var directory = new ContractModelDirectory("hola");
        File.Delete(Path.Combine(directory.Path, file));

        var error = Assert.Throws<FileNotFoundException>(directory.Load);

        Assert.Contains(file, error.Message);
        Assert.EndsWith(file, error.FileName);
    }
}
