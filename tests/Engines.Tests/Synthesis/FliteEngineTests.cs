using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Tests.Synthesis;

public sealed class FliteEngineTests
{
    [Fact]
    public void LoadVoice_LibraryNotInstalled_ReturnsZeroSoTheVoiceIsLeftOut()
    {
        FliteEngine.Initialize();
        var missing = new FliteVoiceDefinition(
            new VoiceInfo("en-US-Nobody", "Nobody", "male", "en-US", "en", "English", "United States"),
            "libflite_cmu_us_nobody.so.1", "register_cmu_us_nobody", 16000);

        Assert.Equal(0, FliteEngine.LoadVoice(missing));
    }
}
