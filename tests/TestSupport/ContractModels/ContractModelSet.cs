using SpeechCluster.Engines.Neural.Models;

namespace SpeechCluster.TestSupport.ContractModels;

/// <summary>
/// A models directory as <c>models/fetch</c> leaves it, filled with contract models, and its
/// <c>manifest.json</c> with each file's real hash: what a silo configured with
/// <c>SpeechCluster:Neural</c> loads. Deleted on dispose.
/// </summary>
public sealed class ContractModelSet : IDisposable
{
    private readonly List<ModelEntry> _entries = [];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("contract-models-").FullName;

    public IReadOnlyList<string> Ids => [.. _entries.Select(e => e.Id)];

    /// <summary>Adds a model: <paramref name="write"/> fills its folder; every file written there is listed with its hash.</summary>
    public ContractModelSet Add(string id, ModelStage stage, ModelFamily family, IReadOnlyList<string> languages, Action<string> write)
    {
        var folder = Path.Combine(Directory, id);
        System.IO.Directory.CreateDirectory(folder);
        write(folder);
        var files = System.IO.Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => new ModelFile(
                Path.GetRelativePath(folder, path).Replace('\\', '/'),
                "https://models.invalid/" + id + "/" + Path.GetFileName(path),
                ModelVerifier.DigestOf(path),
                new FileInfo(path).Length))
            .ToArray();
        _entries.Add(new ModelEntry(id, stage, family, languages, files, "contract model (tests)"));
        new ModelManifest(_entries).Save(Path.Combine(Directory, "manifest.json"));
        return this;
    }

    /// <summary>The settings that make a silo load every model of the set, on the CPU.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SpeechCluster:Neural:ModelsDirectory"] = Directory,
            ["SpeechCluster:Neural:Device"] = "Cpu",
        };
        for (var i = 0; i < _entries.Count; i++)
        {
            settings[$"SpeechCluster:Neural:Models:{i}"] = _entries[i].Id;
        }

        return settings;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
