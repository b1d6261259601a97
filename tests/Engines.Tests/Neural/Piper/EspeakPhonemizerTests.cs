using SpeechCluster.Engines.Neural.Piper;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Tests.Synthesis;
using SpeechCluster.TestSupport.ContractModels;

namespace SpeechCluster.Engines.Tests.Neural.Piper;

[Collection(EspeakCollection.Name)]
public sealed class EspeakPhonemizerTests
{
    private readonly EspeakPhonemizer _phonemizer = EspeakPhonemizer.Create();

    [Fact]
    public void Hello_world_gives_espeaks_ipa()
    {
        Assert.Equal(["həlˈoʊ wˈɜːld"], _phonemizer.Phonemize("hello world", "en-us"));
    }

    [Fact]
    public void Sentences_are_split_and_keep_their_punctuation_as_phonemes()
    {
        var sentences = _phonemizer.Phonemize("Hello, world. How are you? Fine!", "en-us");

        Assert.Equal(["həlˈoʊ, wˈɜːld.", "hˈaʊ ɑːɹ juː?", "fˈaɪn!"], sentences);
    }

    [Fact]
    public void Language_of_the_espeak_voice_decides_the_phonemes()
    {
        Assert.NotEqual(_phonemizer.Phonemize("casa", "en-us"), _phonemizer.Phonemize("casa", "es"));
    }

    [Fact]
    public void Ids_are_begin_pad_then_each_phoneme_and_a_pad_then_end()
    {
        var map = Map();

        var ids = PiperPhonemeIds.From("həlˈoʊ", map);

        long[] expected = [Id("^"), Id("_"), Id("h"), Id("_"), Id("ə"), Id("_"), Id("l"), Id("_"), Id("ˈ"), Id("_"), Id("o"), Id("_"), Id("ʊ"), Id("_"), Id("$")];
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Phonemes_the_voice_does_not_know_are_skipped()
    {
        var map = Map();
        map.Remove("ˈ");

        var ids = PiperPhonemeIds.From("lˈo", map);

        Assert.Equal([Id("^"), Id("_"), Id("l"), Id("_"), Id("o"), Id("_"), Id("$")], ids);
    }

    [Fact]
    public void Every_phoneme_espeak_gives_for_english_test_text_is_in_the_contract_map()
    {
        var phonemes = _phonemizer.Phonemize("Hello world. The quick brown fox jumps over the lazy dog; thirty-three thin things, measure, sing!", "en-us");

        Assert.Empty(phonemes.SelectMany(s => PiperPhonemeIds.Unknown(s, Map())));
    }

    private static Dictionary<string, long[]> Map() =>
        PiperContractModel.KnownPhonemes.ToDictionary(p => p, p => new[] { PiperContractModel.IdOf(p) });

    private static long Id(string phoneme) => PiperContractModel.IdOf(phoneme);
}
