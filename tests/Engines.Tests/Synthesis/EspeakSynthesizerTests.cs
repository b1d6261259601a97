using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Tests.Synthesis;

[Collection(EspeakCollection.Name)]
public sealed class EspeakSynthesizerTests : IDisposable
{
    private readonly EspeakSynthesizer _espeak =
        EspeakSynthesizer.TryCreate(NullLogger<EspeakSynthesizer>.Instance) ?? throw new InvalidOperationException("libespeak-ng1 is not installed");

    public void Dispose() => _espeak.Dispose();

    [Fact]
    public void Voices_EspeakLanguages_GetOneVoicePerLocaleWithItsCommonRegion()
    {
        var ids = _espeak.Voices.Select(v => v.Id).ToList();

        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "es-ES-Espeak", "fr-FR-Espeak", "pt-PT-Espeak", "pt-BR-Espeak", "it-IT-Espeak", "ca-ES-Espeak", "en-US-Espeak", "en-GB-Espeak", "de-DE-Espeak" });
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(ids.Count > 100, $"only {ids.Count} voices");
        Assert.Equal(new VoiceInfo("es-ES-Espeak", "Espeak", "male", "es-ES", "es", "Spanish", "Spain"), _espeak.Voices.Single(v => v.Id == "es-ES-Espeak"));
    }

    [Fact]
    public void Voices_LanguageWithSeveralVoices_ListsEspeaksPreferredFirst()
    {
        Assert.Equal("pt-PT-Espeak", _espeak.Voices.First(v => v.Language == "pt").Id);
        Assert.Equal("es-ES-Espeak", _espeak.Voices.First(v => v.Language == "es").Id);
        Assert.Equal("fr-FR-Espeak", _espeak.Voices.First(v => v.Language == "fr").Id);
    }

    [Theory]
    [InlineData("es-ES-Espeak", "La casa es roja y el perro es grande.")]
    [InlineData("fr-FR-Espeak", "La maison est rouge et le chien est grand.")]
    [InlineData("pt-PT-Espeak", "A casa é vermelha e o cão é grande.")]
    [InlineData("it-IT-Espeak", "La casa è rossa e il cane è grande.")]
    [InlineData("ca-ES-Espeak", "La casa és vermella i el gos és gran.")]
    [InlineData("en-US-Espeak", "The house is red and the dog is big.")]
    public void Synthesize_TargetLanguages_GiveSpeechOfPlausibleLengthAt22kHz(string voiceId, string text)
    {
        SpeechChecks.AssertPlausibleSpeech(_espeak.Synthesize(text, voiceId), text, 22050);
    }

    [Fact]
    public void Synthesize_SwitchingVoices_ReallyChangesTheVoice()
    {
        // espeak keeps the previous voice when a switch fails, so a broken switch would say the number
        // in Spanish twice; in French it is a third shorter ("mille deux cent trente-quatre").
        var spanish = _espeak.Synthesize("1234", "es-ES-Espeak").Samples.Length;
        var french = _espeak.Synthesize("1234", "fr-FR-Espeak").Samples.Length;
        var spanishAgain = _espeak.Synthesize("1234", "es-ES-Espeak").Samples.Length;

        Assert.InRange(french, 0, spanish * 0.8);
        Assert.InRange(spanishAgain, spanish * 0.95, spanish * 1.05);
    }

    [Fact]
    public void Synthesize_UnknownVoice_ThrowsVoiceNotFound()
    {
        var error = Assert.Throws<VoiceNotFoundException>(() => _espeak.Synthesize("hola", "es-ES-Elvira"));

        Assert.Equal("es-ES-Elvira", error.VoiceId);
    }

    [Fact]
    public async Task Synthesize_FromSeveralThreads_GivesWhatSequentialCallsGive()
    {
        (string Voice, string Text)[] requests =
        [
            ("es-ES-Espeak", "Buenos días."), ("fr-FR-Espeak", "Bonjour à tous."), ("pt-PT-Espeak", "Bom dia."),
            ("it-IT-Espeak", "Buongiorno a tutti."), ("es-ES-Espeak", "La casa es roja."), ("en-US-Espeak", "Good morning."),
        ];
        // espeak's rendering depends a little on the utterance before (Portuguese "Bom dia." comes in two
        // forms), so the references are each request after each possible predecessor.
        var renderings = requests.ToDictionary(r => r, _ => new List<short[]>());
        foreach (var before in requests)
        {
            foreach (var request in requests)
            {
                _espeak.Synthesize(before.Text, before.Voice);
                renderings[request].Add(_espeak.Synthesize(request.Text, request.Voice).Samples);
            }
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => requests)
            .Select(r => Task.Run(() => (r, _espeak.Synthesize(r.Text, r.Voice).Samples))));

        Assert.All(concurrent, result => Assert.True(
            renderings[result.r].Any(reference => SpeechChecks.SameUtterance(reference, result.Samples, 22050)),
            $"{result.r}: {SpeechChecks.Describe(renderings[result.r][0], result.Samples, 22050)}"));
    }
}
