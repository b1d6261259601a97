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

    /// <summary>Silos with multilingual models: "whisper" detects among de-DE and it-IT (fr-FR is another model's); "whisper-en-es" among en-US and es-ES.</summary>
    private static readonly Dictionary<string, (string Engines, EngineCatalog Catalog)> DetectingSilos = new()
    {
        ["whisper"] = ("asr", new EngineCatalog(
            [new SpeechLocale("de-DE", "de", "whisper-small", Detects: true), new SpeechLocale("it-IT", "it", "whisper-small", Detects: true), new SpeechLocale("fr-FR", "fr", "whisper-fr", Detects: true)], [], [])),
        ["whisper-en-es"] = ("asr", new EngineCatalog(
            [new SpeechLocale("en-US", "en", "whisper-tiny", Detects: true), new SpeechLocale("es-ES", "es", "whisper-tiny", Detects: true)], [], [])),
        ["sphinx"] = ("asr", new EngineCatalog([new SpeechLocale("en-US", "en", "pocketsphinx"), new SpeechLocale("es-ES", "es", "pocketsphinx")], [], [])),
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

    [Theory]
    [InlineData("de-DE,it-IT|session/epoch/0/0", "whisper")]
    [InlineData("en-US,es-ES|session/epoch/0/0", "whisper-en-es")]
    public void A_candidate_set_goes_to_a_silo_whose_one_detecting_model_serves_every_candidate(string key, string expected)
    {
        Assert.Equal([expected], Choose("asr", key, DetectingSilos));
    }

    [Fact]
    public void A_candidate_set_served_only_by_separate_models_falls_back_to_the_engines_silos()
    {
        // en-US and es-ES each have a silo, and neither silo's recognizer can detect.
        Assert.Equal(["english", "spanish"], Choose("asr", "en-US,es-ES|session/epoch/0/0"));
        // Two models of one silo that each detect, but not together.
        Assert.Equal(DetectingSilos.Keys, Choose("asr", "de-DE,fr-FR|session/epoch/0/0", DetectingSilos));
    }

    [Fact]
    public void The_candidate_set_of_a_key_is_one_whatever_the_order_given()
    {
        Assert.Equal("en-US,es-ES", WorkerKeys.CandidateSet(["es-ES", "en-US"]));
        Assert.Equal("en-US,es-ES", WorkerKeys.CapabilityOf(GrainId.Create("worker", WorkerKeys.Recognition(WorkerKeys.CandidateSet(["es-ES", "en-US"]), "s/e/0/0")).Key.ToString()));
    }

    private static IReadOnlyList<string> Choose(string engine, string key, Dictionary<string, (string Engines, EngineCatalog Catalog)>? silos = null)
    {
        silos ??= Silos;
        return EngineFilterDirector.Choose(
            silos.Keys,
            silo => silos[silo].Engines.Split(',').ToHashSet(),
            silo => silos[silo].Catalog,
            engine,
            key);
    }

    private static Voice Voice(string id, string language) => new(id, id, "female", id[..5], language, language, "", IsDefaultForLanguage: true);
}
