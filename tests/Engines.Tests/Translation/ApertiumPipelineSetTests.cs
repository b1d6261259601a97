using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Tests.Translation;

/// <summary>Several pipelines per direction: segments at the same time go through different ones; one at a time, through the first.</summary>
public sealed class ApertiumPipelineSetTests
{
    [Fact]
    public async Task TranslateAsync_TwoSegmentsAtOnce_EachGoesThroughItsOwnPipeline()
    {
        using var translator = ApertiumTranslatorFixture.Create(o => o.PipelinesPerDirection = 2);

        // The first segment is in hand before TranslateAsync returns, so the second is sent to the idle pipeline.
        var first = translator.TranslateAsync("The house is red.", "en", "es");
        var second = translator.TranslateAsync("The dog is big.", "en", "es");

        Assert.Equal(["La casa es roja.", "El perro es grande."], await Task.WhenAll(first, second));
        var shells = translator.GetProcessIds("eng-spa");
        Assert.Equal(2, shells.Count);
        Assert.All(shells, shell => Assert.NotNull(shell));
        Assert.NotEqual(shells[0], shells[1]);
    }

    [Fact]
    public async Task TranslateAsync_OneSegmentAtATime_StartsOnlyTheFirstPipeline()
    {
        using var translator = ApertiumTranslatorFixture.Create(o => o.PipelinesPerDirection = 2);

        Assert.Equal("La casa es roja.", await translator.TranslateAsync("The house is red.", "en", "es"));
        Assert.Equal("El perro es grande.", await translator.TranslateAsync("The dog is big.", "en", "es"));

        var shells = translator.GetProcessIds("eng-spa");
        Assert.NotNull(shells[0]);
        Assert.Null(shells[1]);
    }

    [Fact]
    public void Create_NoPipelinePerDirection_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApertiumTranslatorFixture.Create(o => o.PipelinesPerDirection = 0));
}
