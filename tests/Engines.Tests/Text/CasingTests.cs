namespace SpeechCluster.Engines.Tests.Text;

[Collection(TrueTextCollection.Name)]
public sealed class CasingTests(TrueTextFixture fixture)
{
    [Theory]
    [InlineData("i think i'm ready and i'll go", "I think I'm ready and I'll go.")]
    [InlineData("tom and mary went to boston", "Tom and Mary went to Boston.")]
    [InlineData("she speaks english and french", "She speaks English and French.")]
    [InlineData("we watched it on tv", "We watched it on TV.")]
    [InlineData("nasa launched a rocket from florida", "NASA launched a rocket from Florida.")]
    [InlineData("the meeting is on monday", "The meeting is on Monday.")]
    [InlineData("that is tom's car", "That is Tom's car.")]
    public void Process_NamesAcronymsAndI_AreCapitalised(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("you will pay the bill", "You will pay the bill.")]
    [InlineData("us and them", "Us and them.")]
    [InlineData("it may rain", "It may rain.")]
    public void Process_CommonWordsThatAreAlsoNames_StayLowerCase(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));
}
