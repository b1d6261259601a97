using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Engines.Tests.Vad;

public sealed class EndpointerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new EndpointerOptionsValidator().Validate(null, new EndpointerOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0.5f, 0.6f, 400, 200)]
    [InlineData(0f, 0f, 400, 200)]
    [InlineData(0.5f, 0.35f, 400, 500)]
    [InlineData(0.5f, 0.35f, 0, 0)]
    public void Constructor_InconsistentOptions_ThrowsNamingTheProperty(float start, float @continue, int endSilenceMs, int postPaddingMs)
    {
        var options = new EndpointerOptions
        {
            StartThreshold = start,
            ContinueThreshold = @continue,
            EndSilence = TimeSpan.FromMilliseconds(endSilenceMs),
            PostPadding = TimeSpan.FromMilliseconds(postPaddingMs),
        };

        var error = Assert.Throws<OptionsValidationException>(() => new Endpointer(options, 512));

        Assert.Contains("EndpointerOptions.", error.Message);
    }

    [Fact]
    public void Constructor_MaxLengthShorterThanWhatOpensAnUtterance_Throws()
    {
        var options = new EndpointerOptions { MaxUtteranceLength = TimeSpan.FromMilliseconds(500) };

        var error = Assert.Throws<OptionsValidationException>(() => new Endpointer(options, 512));

        Assert.Contains("EndpointerOptions.MaxUtteranceLength", error.Message);
    }
}
