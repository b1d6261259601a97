using SpeechCluster.Engines.Neural.Whisper;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

public sealed class StablePrefixTests
{
    [Fact]
    public void A_word_is_committed_when_two_hypotheses_in_a_row_agree_and_is_never_retracted()
    {
        var prefix = new StablePrefix();

        Assert.Equal("la casa", prefix.Update("la casa"));
        Assert.Empty(prefix.Committed);

        // Agree on "la": committed. "casa" changed, so only the first word is.
        Assert.Equal("la cosa azul", prefix.Update("la cosa azul"));
        Assert.Equal(["la"], prefix.Committed);

        // The decoder changes its mind about "la": the partial keeps it.
        Assert.Equal("la cosa azul es", prefix.Update("él cosa azul es"));
        Assert.Equal(["la", "cosa", "azul"], prefix.Committed);

        // A shorter hypothesis cannot take committed words away.
        Assert.Equal("la cosa azul", prefix.Update("él"));
        Assert.Equal(["la", "cosa", "azul"], prefix.Committed);
    }
}
