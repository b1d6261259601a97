using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Tests.Translation;

/// <summary>One translator over the installed pairs, shared by a test class (pipelines take ~1 s to start).</summary>
public sealed class ApertiumTranslatorFixture : IDisposable
{
    public ApertiumTranslator Translator { get; } = Create();

    public static ApertiumTranslator Create(Action<ApertiumOptions>? configure = null)
    {
        var options = new ApertiumOptions();
        configure?.Invoke(options);
        return new ApertiumTranslator(Options.Create(options), NullLogger<ApertiumTranslator>.Instance);
    }

    public void Dispose() => Translator.Dispose();
}
