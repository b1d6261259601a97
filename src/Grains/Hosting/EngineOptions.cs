namespace SpeechCluster.Grains.Hosting;

/// <summary>Where the engines find their models. Section <c>SpeechCluster:Engines</c>.</summary>
public sealed class EngineOptions
{
    public const string Section = "SpeechCluster:Engines";

    /// <summary>
    /// The folder holding fetched models (silero/silero_vad.onnx). Default: the <c>models</c> folder
    /// of the checkout, found by walking up from the program's folder.
    /// </summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>Like <see cref="ResolveModelsDirectory"/>, or <c>null</c> where there is no such folder.</summary>
    public string? TryResolveModelsDirectory()
    {
        try
        {
            return ResolveModelsDirectory();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public string ResolveModelsDirectory()
    {
        if (!string.IsNullOrEmpty(ModelsDirectory))
        {
            return ModelsDirectory;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(candidate, "silero", "silero_vad.onnx")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "EngineOptions.ModelsDirectory: no models/silero/silero_vad.onnx found above " + AppContext.BaseDirectory +
            "; run ./run (or scripts/setup.sh) to fetch it, or set SpeechCluster:Engines:ModelsDirectory");
    }
}
