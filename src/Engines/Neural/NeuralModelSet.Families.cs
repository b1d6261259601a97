using Microsoft.Extensions.Logging;
using SpeechCluster.Engines.Neural.Models;

namespace SpeechCluster.Engines.Neural;

public sealed partial class NeuralModelSet
{
    // One place that knows which code loads which family.
    private void Add(ModelEntry entry, string folder, NeuralOptions options, ILoggerFactory loggers)
    {
        switch (entry.Family)
        {
            default:
                throw new NotSupportedException($"model '{entry.Id}': family {entry.Family} cannot be loaded by this build");
        }
    }
}
