using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Session;
using SpeechCluster.Engines.Neural;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Text;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Grains.Hosting;

public static class SpeechClusterHostingExtensions
{
    /// <summary>
    /// The embedded engines (Silero VAD, PocketSphinx, Apertium, espeak-ng and flite, LAME) as
    /// process-wide singletons, plus the session settings. Idempotent; an engine registered before
    /// this call (a test's or the benchmark's) is kept.
    /// </summary>
    public static IServiceCollection AddSpeechClusterEngines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.Section));
        services.AddOptions<SessionSettings>().Bind(configuration.GetSection(SessionSettings.Section));
        services.AddOptions<TelemetrySettings>().Bind(configuration.GetSection(TelemetrySettings.Section));
        services.AddOptions<PocketSphinxOptions>().Bind(configuration.GetSection(PocketSphinxOptions.SectionName));
        services.AddOptions<ApertiumOptions>().Bind(configuration.GetSection(ApertiumOptions.SectionName));

        services.AddOptions<SileroVadOptions>().Configure<IOptions<EngineOptions>>((vad, engines) =>
            vad.ModelPath = Path.Combine(engines.Value.ResolveModelsDirectory(), "silero", "silero_vad.onnx"));
        services.TryAddSingleton<IVoiceActivityModel, SileroVadModel>();
        // Neural models first: where one serves a locale, pair or language, it is preferred to the embedded engine.
        services.AddOptions<NeuralOptions>().Bind(configuration.GetSection(NeuralOptions.Section));
        services.TryAddSingleton(sp => NeuralModelSet.Load(
            sp.GetRequiredService<IOptions<NeuralOptions>>().Value,
            sp.GetRequiredService<IOptions<EngineOptions>>().Value.TryResolveModelsDirectory(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<NeuralModelCheck>();
        services.TryAddSingleton<ISpeechRecognizer, PocketSphinxRecognizer>();
        // PocketSphinx only where its model is installed (a GPU silo image carries only neural models).
        services.TryAddSingleton(sp => new RecognizerDirectory(sp.GetRequiredService<NeuralModelSet>().Recognizers.Concat(
            sp.GetServices<ISpeechRecognizer>().Where(r => r is not PocketSphinxRecognizer || sp.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.IsInstalled))));
        services.TryAddSingleton<ApertiumTranslator>();
        services.TryAddSingleton<ITranslator>(sp => new CompositeTranslator(
            [.. sp.GetRequiredService<NeuralModelSet>().Translators, sp.GetRequiredService<ApertiumTranslator>()]));
        services.TryAddSingleton(sp => CompositeSynthesizer.CreateAvailable(
            sp.GetRequiredService<ILoggerFactory>(), preferred: sp.GetRequiredService<NeuralModelSet>().Synthesizers));
        services.TryAddSingleton<ISpeechSynthesizer>(sp => sp.GetRequiredService<CompositeSynthesizer>());
        services.AddOptions<TrueTextOptions>().Bind(configuration.GetSection(EngineOptions.Section + ":TrueText"))
            .Configure<IOptions<EngineOptions>>((text, engines) =>
                text.ProfanityListDirectory ??= Path.Combine(engines.Value.ResolveModelsDirectory(), "truetext", "naughty-words"));
        services.TryAddSingleton<TrueText>();
        services.TryAddSingleton<VoiceDirectory>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AudioEncoders>();
        services.AddHostedService<EngineWarmup>();
        return services;
    }

    /// <summary>
    /// A silo that hosts conversations and the worker grains of the engines it is configured to
    /// run (<see cref="SiloRoleSettings"/>): registers those engines, advertises them and its
    /// catalog in the silo's membership metadata, and places each worker grain only on silos that
    /// advertise its engine. Clustering is configured apart (<see cref="ClusterHosting"/>).
    /// </summary>
    public static ISiloBuilder AddSpeechClusterGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<SiloRoleSettings>().Bind(configuration.GetSection(SiloRoleSettings.Section));
        silo.Services.AddSpeechClusterEngines(configuration);
        silo.Services.TryAddSingleton<LocalCatalog>();
        silo.Services.AddWorkerRetry();
        // Transient: each grain type initialises its own strategy with its engine (AdditionalInitialize);
        // one shared instance let the engine of one worker type be used to place another.
        silo.Services.AddPlacementFilter<EngineFilterStrategy, EngineFilterDirector>(ServiceLifetime.Transient);

        // Orleans copies this dictionary into the silo's metadata when its options are first built;
        // this configure step, registered before Orleans' own, fills it from the engines just then.
        var metadata = new Dictionary<string, string>();
        silo.Services.AddOptions<SiloMetadata>().Configure<LocalCatalog, IOptions<SiloRoleSettings>>((_, local, role) =>
        {
            foreach (var (key, value) in SiloCapabilities.ToMetadata(local.Engines, role.Value.Gpu, local.Catalog))
            {
                metadata[key] = value;
            }
        });
        silo.UseSiloMetadata(metadata);
        if (DashboardSettings.IsEnabled(configuration))
        {
            Orleans.Dashboard.ServiceCollectionExtensions.AddDashboard(silo);
        }

        return silo;
    }
}
