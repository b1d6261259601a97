using SpeechCluster.Cli;

namespace SpeechCluster.Client.Tests;

public sealed class SavingTests
{
    [Theory]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, "wav")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4, 0 }, "mp3")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64 }, "mp3")]
    [InlineData(new byte[] { 0x4F, 0x67, 0x67, 0x53, 0 }, "ogg")]
    [InlineData(new byte[] { 1, 2, 3, 4 }, "bin")]
    public void FileExtension_LeadingBytes_NameTheFormat(byte[] data, string extension)
    {
        Assert.Equal(extension, new TranslationAudio { Data = data }.FileExtension);
    }

    [Fact]
    public async Task SaveAsync_HostileIdAndRepeatedName_StaysInTheDirectoryWithDistinctNames()
    {
        var directory = Directory.CreateTempSubdirectory("speechcluster-save-").FullName;
        try
        {
            var saver = new TtsFileSaver(directory, AudioFormats.Mp3);
            var audio = new TranslationAudio { Data = new byte[] { 1, 2, 3 }, ResultId = "../../evil", Language = "es" };

            var first = await saver.SaveAsync(audio, CancellationToken.None);
            var second = await saver.SaveAsync(audio, CancellationToken.None);

            Assert.Equal(directory, Path.GetDirectoryName(first));
            Assert.Equal(directory, Path.GetDirectoryName(second));
            Assert.NotEqual(first, second);
            Assert.EndsWith(".es.mp3", first, StringComparison.Ordinal); // unknown bytes take the requested format
            Assert.Equal(2, Directory.GetFiles(directory).Length);
            Assert.Equal(2, saver.Saved);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
