using Microsoft.Extensions.Logging;
using SpeechCluster.Engines.Neural.Models;
using SpeechCluster.Engines.Neural.Piper;
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
            case ModelFamily.Piper:
                // Piper phonemizes with espeak-ng (GPL, loaded at run time): a Piper voice needs libespeak-ng installed.
                _phonemizer ??= EspeakPhonemizer.Create();
                Synthesizers.Add(Own(new PiperSynthesizer([PiperVoice.Load(folder, sessions, _phonemizer, options.MaxConcurrentRuns)])));
                break;
            default:
                throw new NotSupportedException($"model '{entry.Id}': family {entry.Family} cannot be loaded by this build");
        }
    }
}
