using Microsoft.Extensions.Logging;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.Engines.Neural.Batching;
using SpeechCluster.Engines.Neural.Piper;
using SpeechCluster.Engines.Neural.Translation;
using SpeechCluster.Engines.Neural.Whisper;
using SpeechCluster.Engines.Synthesis;

namespace SpeechCluster.Engines.Neural;

public sealed partial class NeuralModelSet
{
    private EspeakPhonemizer? _phonemizer;

    // The one place that knows which code loads which family.
    private void Add(ModelEntry entry, string folder, NeuralOptions options, ILoggerFactory loggers)
    {
        var sessions = Sessions!;
        switch (entry.Family)
        {
            case ModelFamily.Whisper:
                // One model, one recognizer per language it is configured to serve.
                var whisper = Own(WhisperModel.Load(folder, sessions, Batching(options)));
                Recognizers.AddRange(entry.Languages.Select(language => new WhisperRecognizer(whisper, LocaleOf(language), options.Whisper)));
                break;
            case ModelFamily.Marian:
                Translators.Add(Own(new NeuralTranslator([NeuralTranslationModel.LoadMarian(folder, sessions, entry.Languages[0], entry.Languages[1], TranslationOptions(options))])));
                break;
            case ModelFamily.Nllb:
                Translators.Add(Own(new NeuralTranslator([NeuralTranslationModel.LoadNllb(folder, sessions, entry.Languages, TranslationOptions(options))])));
                break;
            case ModelFamily.Piper:
                // Piper phonemizes with espeak-ng (GPL, loaded at run time): a Piper voice needs libespeak-ng installed.
                _phonemizer ??= EspeakPhonemizer.Create();
                Synthesizers.Add(Own(new PiperSynthesizer([PiperVoice.Load(folder, sessions, _phonemizer, options.MaxConcurrentRuns)])));
                break;
            default:
                throw new NotSupportedException($"model '{entry.Id}': family {entry.Family} cannot be loaded by this build");
        }
    }

    private static NeuralTranslationOptions TranslationOptions(NeuralOptions options) => new()
    {
        Decoding = new DecodingOptions { BeamWidth = options.BeamWidth },
        Batching = Batching(options),
    };

    // Whisper and the translation models gather requests from many conversations alike.
    private static RequestBatcherOptions Batching(NeuralOptions options) => new()
    {
        Window = options.BatchWindow,
        MaxBatchSize = options.MaxBatchSize,
        MaxConcurrentBatches = options.MaxConcurrentRuns,
    };
}
