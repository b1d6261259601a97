using System.Text;

namespace SpeechCluster.Client.Tests;

public sealed class MessageParserTests
{
    [Fact]
    public void Parse_FinalWithoutTiming_HasTextAndNoTiming()
    {
        const string json = """{"type":"final","id":"0","recognition":"Hello world","translation":"Hola mundo"}""";

        var result = Assert.IsType<TranslationResult>(Parse(json));

        Assert.True(result.IsFinal);
        Assert.False(result.IsPartial);
        Assert.Equal("0", result.Id);
        Assert.Equal("Hello world", result.Recognition);
        Assert.Equal("Hola mundo", result.Translation);
        Assert.Empty(result.Translations);
        Assert.Null(result.AudioTimeOffset);
        Assert.Null(result.AudioTimeSize);
        Assert.Null(result.AudioStreamPosition);
        Assert.Null(result.AudioSizeBytes);
        Assert.Null(result.Language);
        Assert.Equal(json, result.Json);
    }

    [Fact]
    public void Parse_DetectedLanguage_ReadsTheLocale()
    {
        var result = Assert.IsType<TranslationResult>(Parse("""
            {"type":"partial","id":"0.1","recognition":"hola","translation":"hola","translations":{"es":"hola","en":"hello"},"language":"es-ES"}
            """));

        Assert.Equal("es-ES", result.Language);
    }

    [Fact]
    public void Parse_TimingAsNumbers_ReadsAllFour()
    {
        var result = Assert.IsType<TranslationResult>(Parse("""
            {"type":"final","id":"23","recognition":"what was said","translation":"t",
             "audioStreamPosition":319680,"audioSizeBytes":35840,"audioTimeOffset":2731600000,"audioTimeSize":21900000}
            """));

        Assert.Equal(2731600000, result.AudioTimeOffset);
        Assert.Equal(21900000, result.AudioTimeSize);
        Assert.Equal(319680, result.AudioStreamPosition);
        Assert.Equal(35840, result.AudioSizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(273.16), result.Offset);
        Assert.Equal(TimeSpan.FromSeconds(2.19), result.Duration);
    }

    [Fact]
    public void Parse_TimingAsStrings_ReadsAllFour()
    {
        var result = Assert.IsType<TranslationResult>(Parse("""
            {"type":"partial","id":"0.11","recognition":"r","translation":"t",
             "audioTimeOffset":"1000000","audioTimeSize":"5000000","audioStreamPosition":"3200","audioSizeBytes":"16000"}
            """));

        Assert.True(result.IsPartial);
        Assert.Equal("0.11", result.Id);
        Assert.Equal(1000000, result.AudioTimeOffset);
        Assert.Equal(5000000, result.AudioTimeSize);
        Assert.Equal(3200, result.AudioStreamPosition);
        Assert.Equal(16000, result.AudioSizeBytes);
    }

    [Fact]
    public void Parse_MultiTargetAndWords_ReadsTheMapAndTheWords()
    {
        var result = Assert.IsType<TranslationResult>(Parse("""
            {"type":"final","id":"1","recognition":"good morning","translation":"buenos días",
             "translations":{"es":"buenos días","fr":"bonjour"},
             "words":[{"word":"good","offset":0,"duration":"2500000"},{"word":"morning","offset":2500000,"duration":4000000}]}
            """));

        Assert.Equal("buenos días", result.Translations["es"]);
        Assert.Equal("bonjour", result.Translations["FR"]);
        Assert.Equal("bonjour", result.TranslationFor("fr", isFirstTarget: false));
        Assert.Equal([new WordTiming("good", 0, 2500000), new WordTiming("morning", 2500000, 4000000)], result.Words);
    }

    [Fact]
    public void TranslationFor_NoMap_FallsBackToTranslationForTheFirstTargetOnly()
    {
        var result = Assert.IsType<TranslationResult>(Parse("""{"type":"final","id":"0","recognition":"a","translation":"b"}"""));

        Assert.Equal("b", result.TranslationFor("es", isFirstTarget: true));
        Assert.Null(result.TranslationFor("fr", isFirstTarget: false));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"id":"0","recognition":"no type"}""")]
    [InlineData("""["final"]""")]
    public void Parse_NotAResult_IsUnrecognizedWithTheText(string text)
    {
        var message = Assert.IsType<UnrecognizedMessage>(Parse(text));

        Assert.Equal(text, message.Text);
    }

    private static TranslationEvent Parse(string json) => TranslationMessageParser.Parse(Encoding.UTF8.GetBytes(json));
}
