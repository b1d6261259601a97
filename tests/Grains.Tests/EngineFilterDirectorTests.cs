using Orleans.Runtime;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Tests;

/// <summary>Workers go to silos that run their engine and, where the key names one, offer its locale, pair or voice.</summary>
public sealed class EngineFilterDirectorTests
{
    private static readonly Dictionary<string, (string Engines, EngineCatalog Catalog)> Silos = new()
    {
        ["english"] = ("asr,mt,tts", new EngineCatalog([new SpeechLocale("en-US", "en")], [new TranslationPair("en", "es", null)], [Voice("en-US-Slt", "en")])),
        ["spanish"] = ("asr,mt,tts", new EngineCatalog([new SpeechLocale("es-ES", "es")], [new TranslationPair("es", "en", null)], [Voice("es-ES-PiperDavefx", "es")])),
        ["text"] = ("vad,truetext", new EngineCatalog([], [], [])),
    };

    [Theory]
    [InlineData("asr", "es-ES|session/epoch/0/0", "spanish")]
    [InlineData("asr", "en-US|session/epoch/0/0", "english")]
    [InlineData("mt", "es>en|", "spanish")]
    [InlineData("mt", "en>es|", "english")]
    [InlineData("tts", "es-ES-PiperDavefx|", "spanish")]
    [InlineData("tts", "en|", "english")]
    public void A_key_that_names_a_capability_keeps_only_the_silos_that_offer_it(string engine, string key, string expected)
    {
        Assert.Equal([expected], Choose(engine, key));
    }

    [Fact]
    public void Without_a_capability_in_the_key_every_silo_running_the_engine_is_kept()
    {
        Assert.Equal(["english", "spanish"], Choose("asr", "legacy-key"));
        Assert.Equal(["text"], Choose("vad", "0"));
    }

    [Fact]
    public void A_capability_no_silo_offers_falls_back_to_the_engines_silos_so_the_call_fails_with_their_answer()
    {
        Assert.Equal(["english", "spanish"], Choose("asr", "fr-FR|session/epoch/0/0"));
    }

    [Fact]
    public void The_capability_the_session_puts_in_a_key_survives_the_grain_id_the_director_reads()
    {
        Assert.Equal("es-ES", WorkerKeys.CapabilityOf(GrainId.Create("worker", WorkerKeys.Recognition("es-ES", "s/e/0/0")).Key.ToString()));
        Assert.Equal("en>es", WorkerKeys.CapabilityOf(GrainId.Create("worker", WorkerKeys.Translation("en", "es")).Key.ToString()));
        Assert.Equal("es", WorkerKeys.CapabilityOf(GrainId.Create("worker", WorkerKeys.Synthesis(null, "es")).Key.ToString()));
        Assert.Equal("es-ES-PiperDavefx", WorkerKeys.CapabilityOf(WorkerKeys.Synthesis("es-ES-PiperDavefx", "es")));
    }

    private static IReadOnlyList<string> Choose(string engine, string key) => EngineFilterDirector.Choose(
        Silos.Keys,
        silo => Silos[silo].Engines.Split(',').ToHashSet(),
        silo => Silos[silo].Catalog,
        engine,
        key);

    private static Voice Voice(string id, string language) => new(id, id, "female", id[..5], language, language, "", IsDefaultForLanguage: true);
}
