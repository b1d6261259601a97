using System.Security.Cryptography;

namespace SpeechCluster.Engines.Neural.Models;

/// <summary>Checks a model's folder against its manifest entry: every file present, whole, and with the expected SHA-256.</summary>
public static class ModelVerifier
{
    /// <summary>The folder of <paramref name="entry"/> under <paramref name="modelsDirectory"/>.</summary>
    public static string FolderOf(string modelsDirectory, ModelEntry entry) => Path.Combine(modelsDirectory, entry.Id);

    /// <exception cref="ModelFileException">The first file that is missing, partial or corrupt.</exception>
    public static void Verify(ModelEntry entry, string modelsDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var folder = FolderOf(modelsDirectory, entry);
        foreach (var file in entry.Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (Check(path, file) is { } problem)
            {
                throw new ModelFileException($"model '{entry.Id}': {path} {problem}; fetch it again with: models/fetch {entry.Id}");
            }
        }
    }

    /// <summary>What is wrong with the file at <paramref name="path"/>, or <c>null</c> when it is the one expected.</summary>
    public static string? Check(string path, ModelFile file)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return $"is missing (expected {file.Expected})";
        }

        if (file.Bytes is { } expected && info.Length != expected)
        {
            var what = info.Length < expected ? "is partial" : "is larger than expected";
            return $"{what}: {info.Length:N0} of {expected:N0} bytes (expected {file.Expected})";
        }

        var (algorithm, wanted) = file.Sha256 is { } sha256 ? ("sha256", sha256) : ("md5", file.Md5!);
        var actual = DigestOf(path, algorithm);
        return actual.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"is corrupt: {algorithm} {actual}, expected {wanted}";
    }

    /// <summary>The file's SHA-256 (or MD5), in lower-case hex.</summary>
    public static string DigestOf(string path, string algorithm = "sha256")
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(algorithm == "md5" ? MD5.HashData(stream) : SHA256.HashData(stream));
    }
}
