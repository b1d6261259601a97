namespace SpeechCluster.Engines.Tests.Neural.Piper;

/// <summary>A temporary folder for contract voices, deleted with the test class.</summary>
public sealed class PiperVoiceDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("piper-contract-").FullName;

    public string Sub(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
