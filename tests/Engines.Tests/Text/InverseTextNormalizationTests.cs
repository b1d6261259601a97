namespace SpeechCluster.Engines.Tests.Text;

[Collection(TrueTextCollection.Name)]
public sealed class InverseTextNormalizationTests(TrueTextFixture fixture)
{
    [Theory]
    [InlineData("prices rose twenty five percent", "Prices rose 25%.")]
    [InlineData("see you at three thirty p m", "See you at 3:30 PM.")]
    [InlineData("the bus leaves at seven a m", "The bus leaves at 7 AM.")]
    [InlineData("we met at ten oh five", "We met at 10:05.")]
    [InlineData("it happened in nineteen ninety nine", "It happened in 1999.")]
    [InlineData("the party is on may third", "The party is on May 3.")]
    [InlineData("it costs five dollars", "It costs $5.")]
    [InlineData("it costs twelve dollars and fifty cents", "It costs $12.50.")]
    [InlineData("she finished twenty first", "She finished 21st.")]
    [InlineData("we walked two hundred and fifty meters", "We walked 250 meters.")]
    [InlineData("the population is two million three hundred thousand", "The population is 2,300,000.")]
    [InlineData("pi is about three point one four", "Pi is about 3.14.")]
    [InlineData("the f b i called", "The FBI called.")]
    public void Process_SpokenNumbers_AreWritten(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("one of them came first", "One of them came first.")]
    [InlineData("i have two cats", "I have two cats.")]
    [InlineData("no one knows", "No one knows.")]
    [InlineData("i am here", "I am here.")]
    public void Process_SmallNumbersAndLookAlikes_StayWords(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));
}
