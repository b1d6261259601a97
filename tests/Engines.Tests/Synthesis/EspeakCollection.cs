namespace SpeechCluster.Engines.Tests.Synthesis;

/// <summary>
/// Test classes that use espeak-ng run one after another: the library is one synthesizer per process
/// and its output depends a little on the utterance before, which a test comparing renderings must control.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EspeakCollection
{
    public const string Name = "espeak-ng";
}
