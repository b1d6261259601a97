using SpeechCluster.Engines.Text;

namespace SpeechCluster.Engines.Tests.Text;

[Collection(TrueTextCollection.Name)]
public sealed class TranslationPassTests(TrueTextFixture fixture)
{
    [Theory]
    [InlineData("Dónde está la estación?", "¿Dónde está la estación?")]
    [InlineData("Qué bonito día!", "¡Qué bonito día!")]
    [InlineData("Hola. Cómo estás? Bien!", "Hola. ¿Cómo estás? ¡Bien!")]
    [InlineData("¿Ya tiene sus marcas?", "¿Ya tiene sus marcas?")]
    [InlineData("vamos a la playa", "Vamos a la playa.")]
    public void Process_SpanishTranslation_GetsOpeningMarksAndCapitals(string translated, string expected) =>
        Assert.Equal(expected, Translate(translated, "es", isFinal: true));

    [Fact]
    public void Process_FrenchTranslation_GetsNarrowSpacesBeforeDoubleMarks() =>
        Assert.Equal("Où est la gare\u202F? Attention\u202F!", Translate("Où est la gare? Attention !", "fr", isFinal: true));

    [Fact]
    public void Process_TranslationWithFillerLikeWords_IsNotTreatedAsDisfluent() =>
        Assert.Equal("Eh, the the.", Translate("eh, the the", "en", isFinal: true));

    [Fact]
    public void Process_PartialTranslation_PromisesNothingStable()
    {
        var result = fixture.TrueText.Process(new TrueTextRequest { Text = "dónde está", Language = "es", Role = TextRole.Translation });
        Assert.Equal(("Dónde está", 0), (result.Text, result.StableLength));
    }

    private string Translate(string text, string language, bool isFinal) =>
        fixture.TrueText.Process(new TrueTextRequest { Text = text, Language = language, IsFinal = isFinal, Role = TextRole.Translation }).Text;
}
