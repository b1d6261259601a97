namespace SpeechCluster.Engines.Tests.Text;

[Collection(TrueTextCollection.Name)]
public sealed class PunctuationTests(TrueTextFixture fixture)
{
    [Theory]
    [InlineData("what time is it", "What time is it?")]
    [InlineData("where did you put the keys", "Where did you put the keys?")]
    [InlineData("how many people came", "How many people came?")]
    [InlineData("so why did she leave", "So why did she leave?")]
    public void Process_WhQuestions_EndWithAQuestionMark(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("are you coming with us", "Are you coming with us?")]
    [InlineData("can tom swim", "Can Tom swim?")]
    [InlineData("did the train leave on time", "Did the train leave on time?")]
    [InlineData("have you seen my glasses", "Have you seen my glasses?")]
    [InlineData("don't you like it", "Don't you like it?")]
    [InlineData("are koalas bears", "Are koalas bears?")]
    [InlineData("tom are you ready", "Tom are you ready?")]
    [InlineData("by the way what is your address", "By the way what is your address?")]
    [InlineData("what's your name", "What's your name?")]
    public void Process_AuxiliaryInversion_EndsWithAQuestionMark(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("it is cold today isn't it", "It is cold today, isn't it?")]
    [InlineData("you saw him didn't you", "You saw him, didn't you?")]
    public void Process_TagQuestions_GetACommaAndAQuestionMark(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("when i was young i lived in paris", "When I was young I lived in Paris.")]
    [InlineData("do your homework", "Do your homework.")]
    [InlineData("have a nice day", "Have a nice day.")]
    [InlineData("may the force be with you", "May the force be with you.")]
    [InlineData("algeria is my country", "Algeria is my country.")]
    [InlineData("i know what you did", "I know what you did.")]
    public void Process_StatementsAndImperatives_EndWithAFullStop(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Theory]
    [InlineData("what a beautiful day", "What a beautiful day!")]
    [InlineData("yes i do", "Yes, I do.")]
    [InlineData("no one came", "No one came.")]
    [InlineData("a bottle of water please", "A bottle of water, please.")]
    [InlineData("thank you tom", "Thank you, Tom.")]
    public void Process_ReliableCommasAndExclamations(string raw, string expected) => Assert.Equal(expected, fixture.Final(raw));

    [Fact]
    public void Process_Partial_HasNoSentenceFinalMark() => Assert.Equal("Are you coming", fixture.Partial("are you coming"));

    [Fact]
    public void Process_AlreadyPunctuatedText_IsKept() =>
        Assert.Equal("Hello, World! How are you?", fixture.Final("Hello, World! How are you?"));

    [Fact]
    public void Process_SpanishRecognition_GetsOpeningQuestionMark() =>
        Assert.Equal("¿Dónde está la estación?", fixture.Final("dónde está la estación", "es"));
}
