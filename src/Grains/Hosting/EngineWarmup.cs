using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Text;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Grains.Hosting;

/// <summary>
/// Loads the engines' expensive state in the background at start-up (a decoder, the VAD model,
/// TrueText's word lists, the English-Spanish pipeline), so that the first conversation does
/// not pay for it. Failures are logged; the engines load on first use instead.
/// </summary>
internal sealed partial class EngineWarmup(IServiceProvider services, IOptions<SiloRoleSettings> role, ILogger<EngineWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var engines = role.Value.EngineSet;
        try
        {
            await Task.Run(() =>
            {
                if (engines.Contains(EngineNames.Vad))
                {
                    var vad = services.GetRequiredService<IVoiceActivityModel>();
                    vad.Score(new float[vad.FrameSamples], new VadStreamState(), new float[1]);
                }

                if (engines.Contains(EngineNames.TrueText))
                {
                    services.GetRequiredService<TrueText>().Preload("en");
                }
            }, stoppingToken);
            if (engines.Contains(EngineNames.Asr))
            {
                foreach (var recognizer in services.GetRequiredService<RecognizerDirectory>().All.OfType<PocketSphinxRecognizer>())
                {
                    await recognizer.WarmUpAsync(stoppingToken);
                }
            }

            // English to Spanish is what most conversations ask for; other pipelines (150-250 MiB each) start on first use.
            var translator = engines.Contains(EngineNames.Mt) ? services.GetRequiredService<ITranslator>() : null;
            if (translator is not null && translator.Pairs.Any(p => p is { From: "en", To: "es" }))
            {
                await translator.TranslateAsync("Hello.", "en", "es", stoppingToken);
            }

            LogWarm(logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmupFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 300, EventName = "EnginesWarm", Level = LogLevel.Information, Message = "Engines loaded")]
    private static partial void LogWarm(ILogger logger);

    [LoggerMessage(EventId = 301, EventName = "EngineWarmupFailed", Level = LogLevel.Warning,
        Message = "Loading the engines ahead of time failed; they will load on first use")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
