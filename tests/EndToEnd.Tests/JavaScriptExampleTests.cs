using SpeechCluster.EndToEnd.Tests.Infrastructure;
using SpeechCluster.TestSupport;

namespace SpeechCluster.EndToEnd.Tests;

/// <summary>examples/javascript, the Node.js client for client authors, run with node against the real server:
/// the documentation keeps working.</summary>
[Collection(GatewayCollection.Name)]
public sealed class JavaScriptExampleTests(SharedGateway gateway)
{
    [Fact]
    public async Task Example_RealRecording_PrintsFinalAndSpanishAndSavesSpeech()
    {
        var recording = TestSpeech.LibriVox.First(r => r.Id.EndsWith("0880", StringComparison.Ordinal));
        var tts = Directory.CreateTempSubdirectory("speechcluster-js-");
        try
        {
            var (exit, output, error) = await NodeExample.RunAsync(
                "--url", gateway.Server.WebSocketUri.ToString(), "--key", GatewayServer.Key, "--from", "en-US", "--to", "es",
                "--out", tts.FullName, recording.Path);

            Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
            Assert.Matches(@"(?m)^\[0\] .*young", output);
            Assert.Matches(@"(?m)^  -> es: .*joven", output);
            Assert.Contains("closed: 1000", output);
            var saved = Assert.Single(tts.GetFiles());
            Assert.Equal("0.es.wav", saved.Name);
            Assert.Equal("RIFF"u8.ToArray(), File.ReadAllBytes(saved.FullName)[..4]);
            Assert.Contains($"audio: {saved.FullName} ({saved.Length} bytes)", output);
        }
        finally
        {
            tts.Delete(recursive: true);
        }
    }
}
