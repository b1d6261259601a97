using SpeechCluster.Engines.Text;

namespace SpeechCluster.Engines.Tests.Text;

[Collection(TrueTextCollection.Name)]
public sealed class ProfanityTests(TrueTextFixture fixture)
{
    public static TheoryData<TextRole, ProfanityAction, ProfanityMarker, string, string, string> Matrix()
    {
        var data = new TheoryData<TextRole, ProfanityAction, ProfanityMarker, string, string, string>();
        foreach (var marker in new[] { ProfanityMarker.Asterisk, ProfanityMarker.Tag })
        {
            data.Add(TextRole.Recognition, ProfanityAction.NoAction, marker, "en", "that is bullshit", "That is bullshit.");
            data.Add(TextRole.Recognition, ProfanityAction.Deleted, marker, "en", "that is bullshit", "That is.");
            data.Add(TextRole.Translation, ProfanityAction.NoAction, marker, "es", "Eso es una mierda.", "Eso es una mierda.");
            data.Add(TextRole.Translation, ProfanityAction.Deleted, marker, "es", "Eso es una mierda.", "Eso es una.");
        }

        data.Add(TextRole.Recognition, ProfanityAction.Marked, ProfanityMarker.Asterisk, "en", "that is bullshit", "That is ***.");
        data.Add(TextRole.Recognition, ProfanityAction.Marked, ProfanityMarker.Tag, "en", "that is bullshit", "That is <profanity>bullshit</profanity>.");
        data.Add(TextRole.Translation, ProfanityAction.Marked, ProfanityMarker.Asterisk, "es", "Eso es una mierda.", "Eso es una ***.");
        data.Add(TextRole.Translation, ProfanityAction.Marked, ProfanityMarker.Tag, "es", "Eso es una mierda.", "Eso es una <profanity>mierda</profanity>.");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Process_EveryActionAndMarker_DoesWhatTheProtocolSays(TextRole role, ProfanityAction action, ProfanityMarker marker, string language, string text, string expected) =>
        Assert.Equal(expected, Run(text, language, role, action, marker));

    [Theory]
    [InlineData("he fucked it up", "He *** it up.")]
    [InlineData("stop fucking around", "Stop *** around.")]
    [InlineData("those bitches left", "Those *** left.")]
    [InlineData("what a piece of shit", "What a ***!")]
    [InlineData("he called them darkies", "He called them ***.")]
    public void Process_InflectionsAndPhrases_AreMarked(string raw, string expected) =>
        Assert.Equal(expected, Run(raw, "en", TextRole.Recognition, ProfanityAction.Marked, ProfanityMarker.Asterisk));

    [Fact]
    public void Process_FormattedTextInAnyCase_IsMatchedCaseInsensitively() =>
        Assert.Equal("Well <profanity>SHIT</profanity>, <profanity>Shit</profanity>!",
            Run("Well SHIT, Shit!", "en", TextRole.Recognition, ProfanityAction.Marked, ProfanityMarker.Tag));

    [Theory]
    [InlineData("the class will assess it in scunthorpe")]
    [InlineData("press the button and pass the butter")]
    [InlineData("add cumin to the spiced grapes")]
    [InlineData("a cocktail in the cockpit")]
    [InlineData("read the title of the analysis")]
    public void Process_InnocentWordsContainingListedOnes_AreLeftAlone(string raw) =>
        Assert.DoesNotContain("profanity", Run(raw, "en", TextRole.Recognition, ProfanityAction.Marked, ProfanityMarker.Tag), StringComparison.Ordinal);

    [Fact]
    public void Process_DisfluencyAndProfanityTogether_KeepBothMarkings() =>
        Assert.Equal("<disfluency>uh</disfluency> That is <profanity>bullshit</profanity>.",
            fixture.TrueText.Process(new TrueTextRequest
            {
                Text = "uh that is bullshit", Language = "en", IsFinal = true, Disfluency = DisfluencyMode.Labeled, ProfanityMarker = ProfanityMarker.Tag,
            }).Text);

    private string Run(string text, string language, TextRole role, ProfanityAction action, ProfanityMarker marker) =>
        fixture.TrueText.Process(new TrueTextRequest
        {
            Text = text, Language = language, IsFinal = true, Role = role, ProfanityAction = action, ProfanityMarker = marker,
        }).Text;
}
