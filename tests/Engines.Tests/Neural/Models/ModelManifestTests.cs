using System.Security.Cryptography;
using SpeechCluster.Engines.Neural.Models;

namespace SpeechCluster.Engines.Tests.Neural.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("manifest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_committed_manifest_is_valid_and_names_every_family_with_a_licence()
    {
        var manifest = ModelManifest.Load(Path.Combine(CheckoutModels(), "manifest.json"));

        Assert.All(manifest.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Licence)));
        Assert.All(manifest.Models.SelectMany(m => m.Files), f => Assert.StartsWith("https://", f.Url));
        Assert.Equal(
            [ModelFamily.Whisper, ModelFamily.Marian, ModelFamily.Nllb, ModelFamily.Piper],
            manifest.Models.Select(m => m.Family).Distinct().ToArray());
    }

    [Theory]
    [InlineData("""{"models":[{"id":"x","stage":"mt","family":"marian","languages":["en","es"],"licence":"MIT","files":[{"path":"a.onnx","url":"https://e/a","sha256":"00"}]}]}""", "sha256 of 64 hex digits")]
    [InlineData("""{"models":[{"id":"x","stage":"mt","family":"marian","languages":["en"],"licence":"MIT","files":[{"path":"a.onnx","url":"https://e/a","sha256":"0000000000000000000000000000000000000000000000000000000000000000"}]}]}""", "languages must be [from, to]")]
    [InlineData("""{"models":[{"id":"x","stage":"asr","family":"whisper","languages":["en"],"licence":"MIT","files":[{"path":"../a.onnx","url":"https://e/a","sha256":"0000000000000000000000000000000000000000000000000000000000000000"}]}]}""", "must stay inside")]
    [InlineData("""{"models":[{"id":"x","stage":"asr","family":"kaldi","languages":["en"],"licence":"MIT","files":[]}]}""", "not valid")]
    public void A_bad_manifest_is_refused_with_what_is_wrong(string json, string expected)
    {
        var path = Path.Combine(_dir, "manifest.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => ModelManifest.Load(path));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Verify_names_a_missing_a_partial_and_a_corrupt_file_with_the_expected_hash()
    {
        byte[] content = [1, 2, 3, 4, 5, 6, 7, 8];
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var entry = new ModelEntry("tiny", ModelStage.Mt, ModelFamily.Marian, ["en", "es"],
            [new ModelFile("model.onnx", "https://example.org/model.onnx", hash, content.Length)], "MIT");
        var file = Path.Combine(_dir, "tiny", "model.onnx");

        var missing = Assert.Throws<ModelFileException>(() => ModelVerifier.Verify(entry, _dir));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content[..5]);
        var partial = Assert.Throws<ModelFileException>(() => ModelVerifier.Verify(entry, _dir));
        File.WriteAllBytes(file, [8, 7, 6, 5, 4, 3, 2, 1]);
        var corrupt = Assert.Throws<ModelFileException>(() => ModelVerifier.Verify(entry, _dir));
        File.WriteAllBytes(file, content);
        ModelVerifier.Verify(entry, _dir);

        Assert.Contains(file, missing.Message);
        Assert.Contains("is missing", missing.Message);
        Assert.Contains(hash, missing.Message);
        Assert.Contains("is partial: 5 of 8 bytes", partial.Message);
        Assert.Contains("is corrupt", corrupt.Message);
        Assert.Contains("expected " + hash, corrupt.Message);
    }

    [Fact]
    public void A_file_the_publisher_gives_only_an_md5_for_is_checked_by_md5()
    {
        byte[] content = [9, 9, 9];
        var entry = new ModelEntry("voice", ModelStage.Tts, ModelFamily.Piper, ["en"],
            [new ModelFile("v.onnx", "https://example.org/v.onnx", null, null, Convert.ToHexStringLower(MD5.HashData(content)))], "CC0-1.0");
        Directory.CreateDirectory(Path.Combine(_dir, "voice"));
        File.WriteAllBytes(Path.Combine(_dir, "voice", "v.onnx"), content);
        ModelVerifier.Verify(entry, _dir);

        File.WriteAllBytes(Path.Combine(_dir, "voice", "v.onnx"), [9, 9, 8]);

        Assert.Contains("is corrupt: md5", Assert.Throws<ModelFileException>(() => ModelVerifier.Verify(entry, _dir)).Message);
    }

    internal static string CheckoutModels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "models", "manifest.json")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new InvalidOperationException("no models/manifest.json above " + AppContext.BaseDirectory);
    }
}
