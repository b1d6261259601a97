using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Engines.Tests.Vad;

/// <summary>One Silero model for a test class, loaded from the repository's models/ folder.</summary>
public sealed class SileroModelFixture : IDisposable
{
    public SileroModelFixture()
    {
        Model = new SileroVadModel(Options.Create(new SileroVadOptions { ModelPath = FindModel() }), NullLogger<SileroVadModel>.Instance);
    }

    public SileroVadModel Model { get; }

    public void Dispose() => Model.Dispose();

    /// <summary>Walks up from the test binaries to the folder holding SpeechCluster.sln.</summary>
    public static string FindModel()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpeechCluster.sln")))
            {
                return Path.Combine(folder.FullName, "models", "silero", "silero_vad.onnx");
            }
        }

        throw new InvalidOperationException($"No SpeechCluster.sln above {AppContext.BaseDirectory}");
    }
}
