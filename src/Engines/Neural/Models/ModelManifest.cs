using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeechCluster.Engines.Neural.Models;

/// <summary>
/// The neural models an operator may fetch and load (<c>models/manifest.json</c>): per model its
/// files with their source URL and SHA-256, the stage and family that load it, its languages and
/// licence. Silos load a model only when every file is present and matches its hash.
/// </summary>
public sealed record ModelManifest(IReadOnlyList<ModelEntry> Models)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    public ModelEntry Find(string id) =>
        Models.FirstOrDefault(m => m.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"the model manifest has no model '{id}'; it lists: {string.Join(", ", Models.Select(m => m.Id))}");

    public static ModelManifest Load(string path)
    {
        ModelManifest? manifest;
        try
        {
            using var stream = File.OpenRead(path);
            manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the model manifest {path} is not valid: {e.Message}", e);
        }

        if (manifest?.Models is null)
        {
            throw new InvalidDataException($"the model manifest {path} has no \"models\" list");
        }

        foreach (var entry in manifest.Models)
        {
            entry.Validate(path);
        }

        var duplicate = manifest.Models.GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"the model manifest {path} lists '{duplicate.Key}' twice");
        }

        return manifest;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

/// <summary>Which pipeline stage a model serves.</summary>
public enum ModelStage
{
    Asr,
    Mt,
    Tts,
}

/// <summary>The export layout a model follows, which decides the code that loads it.</summary>
public enum ModelFamily
{
    Whisper,
    Marian,
    Nllb,
    Piper,
}

/// <param name="Languages">
/// ISO 639-1 codes. ASR: the languages it may be asked to recognise. Marian: exactly the source and
/// the target, in that order. NLLB: every language it may translate between. Piper: the voice's language.
/// </param>
public sealed record ModelEntry(
    string Id,
    ModelStage Stage,
    ModelFamily Family,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ModelFile> Files,
    string Licence,
    string? Notes = null)
{
    internal void Validate(string manifestPath)
    {
        string Where() => $"the model manifest {manifestPath}, model '{Id}'";
        if (string.IsNullOrWhiteSpace(Id) || Id.IndexOfAny(['/', '\\']) >= 0 || Id.StartsWith('.'))
        {
            throw new InvalidDataException($"{Where()}: an id must be a plain folder name");
        }

        if (Languages is not { Count: > 0 } || Files is not { Count: > 0 } || string.IsNullOrWhiteSpace(Licence))
        {
            throw new InvalidDataException($"{Where()}: languages, files and licence are required");
        }

        if (Family == ModelFamily.Marian && Languages.Count != 2)
        {
            throw new InvalidDataException($"{Where()}: a Marian model translates one direction: languages must be [from, to]");
        }

        foreach (var file in Files)
        {
            if (string.IsNullOrWhiteSpace(file.Path) || Path.IsPathRooted(file.Path) || file.Path.Split('/', '\\').Contains(".."))
            {
                throw new InvalidDataException($"{Where()}: file path '{file.Path}' must stay inside the model's folder");
            }

            var sha256 = file.Sha256 is { Length: 64 } hash && hash.All(Uri.IsHexDigit);
            var md5 = file.Md5 is { Length: 32 } digest && digest.All(Uri.IsHexDigit);
            if (!sha256 && !(file.Sha256 is null && md5))
            {
                throw new InvalidDataException($"{Where()}: file {file.Path} needs a sha256 of 64 hex digits (or, where the publisher gives none, an md5 of 32)");
            }
        }
    }
}

/// <param name="Path">Where the file lies inside the model's folder.</param>
/// <param name="Url">Where <c>models/fetch</c> downloads it from.</param>
/// <param name="Sha256">The file's SHA-256.</param>
/// <param name="Bytes">Its size, when known: lets a partial download be told apart from a corrupt one.</param>
/// <param name="Md5">Only where the publisher gives no SHA-256 (Piper's voices.json lists MD5 digests): the MD5 it gives.</param>
public sealed record ModelFile(string Path, string Url, string? Sha256, long? Bytes = null, string? Md5 = null)
{
    /// <summary>The digest the file is checked against, named: <c>sha256 …</c> or <c>md5 …</c>.</summary>
    public string Expected => Sha256 is not null ? "sha256 " + Sha256 : "md5 " + Md5;
}
