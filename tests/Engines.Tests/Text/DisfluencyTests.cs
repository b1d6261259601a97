using SpeechCluster.Engines.Text;

namespace SpeechCluster.Engines.Tests.Text;

[Collection(TrueTextCollection.Name)]
public sealed class DisfluencyTests(TrueTextFixture fixture)
{
    [Fact]
    public void Process_TheIssueExample_ReadsAsAPersonExpects() =>
        Assert.Equal("So I think we should meet at 3:30.", fixture.Final("um so i i think we should uh meet at three thirty"));

    [Theory]
    [InlineData("uh i was er going to the uh store", "I was going to the store.")]
    [InlineData("hmm let me see mm the blue one", "Let me see the blue one.")]
    [InlineData("erm we need erm two of them", "We need two of them.")]
    public void Process_Fillers_AreRemoved(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("the the dog is outside", "The dog is outside.")]
    [InlineData("it was it was a long day", "It was a long day.")]
    [InlineData("we went to the uh to the park", "We went to the park.")]
    public void Process_ImmediateRepetitions_AreRemoved(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Fact]
    public void Process_CutOffRestart_DropsTheAbandonedStart() =>
        Assert.Equal("We could meet tomorrow.", fixture.Final("we should- we could meet tomorrow"));

    [Theory]
    [InlineData("it was very very good", "It was very very good.")]
    [InlineData("call nine one one now", "Call nine one one now.")]
    [InlineData("i know that that is true", "I know that that is true.")]
    [InlineData("oh", "Oh.")]
    [InlineData("uh-huh uh-huh", "Uh-huh uh-huh.")]
    public void Process_MeaningfulWords_AreKept(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Fact]
    public void Process_Raw_KeepsEveryWord() =>
        Assert.Equal("Um so I I think.", fixture.Final("um so i i think", mode: DisfluencyMode.Raw));

    [Fact]
    public void Process_Labeled_TagsTheRemovedWordsInPlace() =>
        Assert.Equal("<disfluency>um</disfluency> So <disfluency>I</disfluency> I think we should <disfluency>uh</disfluency> meet.",
            fixture.Final("um so i i think we should uh meet", mode: DisfluencyMode.Labeled));

    [Theory]
    [InlineData("um so i i think we should uh meet at three thirty")]
    [InlineData("uh the the results were uh good were they not")]
    [InlineData("well we should- we could um go")]
    public void Process_LabeledWithoutItsTags_IsTheRemovedText(string raw)
    {
        var labeled = fixture.Final(raw, mode: DisfluencyMode.Labeled);
        var stripped = System.Text.RegularExpressions.Regex.Replace(labeled, "<disfluency>.*?</disfluency>", "");
        Assert.Equal(fixture.Final(raw), string.Join(' ', stripped.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Process_SpanishFillers_AreRemoved() =>
        Assert.Equal("Quiero ir mañana.", fixture.Final("eh quiero ir ehm mañana", "es"));
}
