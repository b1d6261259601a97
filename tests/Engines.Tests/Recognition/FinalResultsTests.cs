using SpeechCluster.Engines.Recognition.PocketSphinx;

namespace SpeechCluster.Engines.Tests.Recognition;

public sealed class FinalResultsTests
{
    [Theory]
    [InlineData("<s>", false)]
    [InlineData("</s>", false)]
    [InlineData("<sil>", false)]
    [InlineData("[NOISE]", false)]
    [InlineData("++BREATH++", false)]
    [InlineData("hello", true)]
    [InlineData("don't", true)]
    public void IsWord_Segment_OnlyRealWords(string segment, bool expected) =>
        Assert.Equal(expected, FinalResults.IsWord(segment));

    [Theory]
    [InlineData("read(2)", "read")]
    [InlineData("read", "read")]
    public void StripAlternative_PronunciationVariant_PlainWord(string segment, string expected) =>
        Assert.Equal(expected, FinalResults.StripAlternative(segment));

    [Fact]
    public void TryAttach_DecoderOfThisLibrary_FindsTheCepstralMean()
    {
        using var decoder = PocketSphinxDecoder.Create(DecoderArguments.Build(new SpeechCluster.Engines.Recognition.PocketSphinxOptions()));

        Assert.NotNull(decoder.CepstralMean);
        Assert.Equal(13, decoder.CepstralMean.Length);
    }
}
