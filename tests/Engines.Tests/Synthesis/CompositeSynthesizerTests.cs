using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Tests.Synthesis;

[Collection(EspeakCollection.Name)]
public sealed class CompositeSynthesizerTests : IDisposable
{
    private readonly CompositeSynthesizer _all = CompositeSynthesizer.CreateAvailable(NullLoggerFactory.Instance);

    public void Dispose() => _all.Dispose();

    [Theory]
    [InlineData("en", "en-US-Slt")]
    [InlineData("en-GB", "en-US-Slt")]
    [InlineData("es", "es-ES-Espeak")]
    [InlineData("pt", "pt-PT-Espeak")]
    [InlineData("fr-CA", "fr-FR-Espeak")]
    [InlineData("IT", "it-IT-Espeak")]
    [InlineData("ca", "ca-ES-Espeak")]
    public void DefaultVoice_Language_IsFliteForEnglishAndEspeakForTheRest(string language, string voiceId)
    {
        Assert.Equal(voiceId, _all.DefaultVoice(language)?.Id);
    }

    [Fact]
    public void DefaultVoice_LanguageNobodySpeaks_IsNull()
    {
        Assert.Null(_all.DefaultVoice("tlh"));
    }

    [Theory]
    [InlineData("EN-US-SLT", 16000)]
    [InlineData("es-es-espeak", 22050)]
    public void Synthesize_VoiceIdInAnyCase_GoesToTheEngineThatOwnsIt(string voiceId, int sampleRate)
    {
        SpeechChecks.AssertPlausibleSpeech(_all.Synthesize("uno dos tres cuatro", voiceId), "uno dos tres cuatro", sampleRate);
        Assert.NotNull(_all.FindVoice(voiceId));
    }

    [Fact]
    public void Synthesize_UnknownVoice_ThrowsVoiceNotFound()
    {
        Assert.Throws<VoiceNotFoundException>(() => _all.Synthesize("hello", "en-US-Zira"));
        Assert.Null(_all.FindVoice("en-US-Zira"));
    }

    [Fact]
    public void Constructor_SameIdFromTwoEngines_KeepsTheEarlierEnginesVoice()
    {
        var first = new FakeSynthesizer(1000, Voice("en-US-A", "en"), Voice("fr-FR-B", "fr"));
        var second = new FakeSynthesizer(2000, Voice("EN-US-A", "en"), Voice("es-ES-C", "es"));
        using var composite = new CompositeSynthesizer([first, second]);

        Assert.Equal(["en-US-A", "fr-FR-B", "es-ES-C"], composite.Voices.Select(v => v.Id));
        Assert.Equal(1000, composite.Synthesize("x", "en-us-a").SampleRate);
        Assert.Equal(2000, composite.Synthesize("x", "es-ES-C").SampleRate);
        Assert.Equal("es-ES-C", composite.DefaultVoice("es")?.Id);
    }

    [Fact]
    public void Dispose_Composite_DisposesItsSynthesizers()
    {
        var inner = new FakeSynthesizer(1000);
        new CompositeSynthesizer([inner]).Dispose();

        Assert.True(inner.Disposed);
    }

    [Fact]
    public void Constructor_NoEngineInstalled_OffersNothingAndStillWorks()
    {
        using var empty = new CompositeSynthesizer([]);

        Assert.Empty(empty.Voices);
        Assert.Null(empty.DefaultVoice("en"));
        Assert.Throws<VoiceNotFoundException>(() => empty.Synthesize("hello", "en-US-Slt"));
    }

    private static VoiceInfo Voice(string id, string language) => new(id, id, "female", id[..5], language, language, "");

    private sealed class FakeSynthesizer(int sampleRate, params VoiceInfo[] voices) : ISpeechSynthesizer
    {
        public IReadOnlyList<VoiceInfo> Voices { get; } = voices;

        public bool Disposed { get; private set; }

        public SynthesizedAudio Synthesize(string text, string voiceId)
        {
            Assert.Contains(voiceId, Voices.Select(v => v.Id));
            return new SynthesizedAudio([1, 2, 3], sampleRate);
        }

        public void Dispose() => Disposed = true;
    }
}
