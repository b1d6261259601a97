using SpeechCluster.Engines.Neural.Whisper;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

/// <summary>
/// The merged decoder layout (decoder_model_merged.onnx, as pinned in models/manifest.json). Its
/// contract outputs empty cross-attention presents on the cached branch, like the real graph, and
/// gives no text (or fails) if those are fed back: the known text proves the first step's are kept.
/// </summary>
public sealed class WhisperMergedDecoderTests
{
    private static readonly WhisperDecodeLimits Limits = new(50);

    [Fact]
    public void The_merged_decoder_transcribes_what_the_split_pair_does()
    {
        const string text = "hola qué tal estás";
        using var split = new ContractModelDirectory(text);
        using var merged = new ContractModelDirectory(text, merged: true);
        using var splitModel = split.Load();
        using var mergedModel = merged.Load();
        var audio = Audio(3);

        Assert.False(File.Exists(Path.Combine(merged.Path, WhisperModel.DecoderFile)));
        Assert.Equal(text, splitModel.Transcribe(audio, splitModel.Prompt("es"), Limits));
        Assert.Equal(text, mergedModel.Transcribe(audio, mergedModel.Prompt("es"), Limits));
        Assert.Equal(splitModel.Layers, mergedModel.Layers);
    }

    [Fact]
    public void The_merged_decoder_hears_silence_and_a_wrong_prompt_like_the_split_pair()
    {
        using var merged = new ContractModelDirectory("hola", merged: true);
        using var model = merged.Load();

        Assert.Equal("", model.Transcribe(new float[32000], model.Prompt("es"), Limits));
        Assert.Equal("#", model.Transcribe(Audio(2), model.Prompt("fr"), new WhisperDecodeLimits(1)));
    }

    [Fact]
    public void The_split_pair_is_preferred_when_both_layouts_are_there()
    {
        using var merged = new ContractModelDirectory("fusionado", merged: true);
        using var split = new ContractModelDirectory("separado");
        foreach (var file in new[] { WhisperModel.DecoderFile, WhisperModel.DecoderWithPastFile })
        {
            File.Copy(Path.Combine(split.Path, file), Path.Combine(merged.Path, file));
        }

        using var model = merged.Load();

        Assert.Equal("separado", model.Transcribe(Audio(2), model.Prompt("es"), Limits));
    }

    [Fact]
    public void A_merged_directory_without_its_tokenizer_names_it()
    {
        using var merged = new ContractModelDirectory("hola", merged: true);
        File.Delete(Path.Combine(merged.Path, WhisperModel.TokenizerFile));

        var error = Assert.Throws<FileNotFoundException>(merged.Load);

        Assert.Contains(WhisperModel.TokenizerFile, error.Message);
        Assert.EndsWith(WhisperModel.TokenizerFile, error.FileName);
    }

    [Fact]
    public void A_directory_with_no_decoder_names_both_layouts()
    {
        using var merged = new ContractModelDirectory("hola", merged: true);
        File.Delete(Path.Combine(merged.Path, WhisperModel.MergedDecoderFile));

        var error = Assert.Throws<FileNotFoundException>(merged.Load);

        Assert.Contains(WhisperModel.MergedDecoderFile, error.Message);
        Assert.Contains(WhisperModel.DecoderFile, error.Message);
        Assert.Contains(WhisperModel.DecoderWithPastFile, error.Message);
        Assert.EndsWith(WhisperModel.MergedDecoderFile, error.FileName);
    }

    [Fact]
    public void The_merged_contract_has_the_signature_of_the_merged_export()
    {
        using var merged = new ContractModelDirectory("hola", merged: true);
        using var decoder = ContractModelDirectory.Sessions.Open(Path.Combine(merged.Path, WhisperModel.MergedDecoderFile));

        Assert.Equal(WhisperContractModel.Layers, WhisperSignature.VerifyMergedDecoder(decoder, WhisperModel.MergedDecoderFile));
    }

    [Fact]
    public void A_split_decoder_in_place_of_the_merged_one_is_refused_naming_the_file()
    {
        using var merged = new ContractModelDirectory("hola", merged: true);
        using var split = new ContractModelDirectory("hola");
        var mergedPath = Path.Combine(merged.Path, WhisperModel.MergedDecoderFile);
        File.Copy(Path.Combine(split.Path, WhisperModel.DecoderFile), mergedPath, overwrite: true);

        var error = Assert.Throws<InvalidDataException>(merged.Load);

        Assert.Contains(mergedPath, error.Message);
        Assert.Contains("use_cache_branch", error.Message);
        Assert.Contains("past_key_values.0.decoder.key", error.Message);
    }

    private static float[] Audio(double seconds) => ContractModelDirectory.Tone(seconds).Select(sample => sample / 32768f).ToArray();
}
