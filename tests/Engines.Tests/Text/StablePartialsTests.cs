using SpeechCluster.Engines.Text;

namespace SpeechCluster.Engines.Tests.Text;

/// <summary>Partials grow word by word as a recognizer sends them; what TrueText calls stable must stay.</summary>
[Collection(TrueTextCollection.Name)]
public sealed class StablePartialsTests(TrueTextFixture fixture)
{
    [Theory]
    [InlineData("um so i i think we should uh meet at three thirty p m on may third with tom and the the people from nasa yes i know")]
    [InlineData("yes we paid twenty five dollars and fifty cents for it it was it was too much but uh the f b i agreed that it was fine isn't it")]
    [InlineData("no one knew that that piece of shit was there when i arrived at nineteen ninety nine main street in boston")]
    [InlineData("well we should- we could go to paris in two thousand and twenty six or maybe uh maybe not what do you think")]
    public void Process_GrowingPartials_KeepTheirStablePrefix(string utterance)
    {
        var words = utterance.Split(' ');
        var results = new List<TrueTextResult>();
        for (var n = 1; n <= words.Length; n++)
        {
            results.Add(fixture.TrueText.Process(new TrueTextRequest { Text = string.Join(' ', words[..n]), Language = "en", IsFinal = false }));
        }

        var final = fixture.TrueText.Process(new TrueTextRequest { Text = utterance, Language = "en", IsFinal = true }).Text;
        for (var k = 0; k < results.Count; k++)
        {
            var stable = results[k].Text[..results[k].StableLength];
            foreach (var later in results.Skip(k + 1).Select(r => r.Text).Append(final))
            {
                Assert.StartsWith(stable, later, StringComparison.Ordinal);
            }
        }

        // Not vacuous: most of a long partial is promised stable, and the final equals its last partial plus punctuation.
        Assert.True(results[^1].StableLength > results[^1].Text.Length / 2, $"stable {results[^1].StableLength} of \"{results[^1].Text}\"");
    }

    [Fact]
    public void Process_Final_IsStableThroughout()
    {
        var result = fixture.TrueText.Process(new TrueTextRequest { Text = "are you there", Language = "en", IsFinal = true });
        Assert.Equal(result.Text.Length, result.StableLength);
    }
}
