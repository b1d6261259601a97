using NAudio.Wave;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Browser.Tests.Infrastructure;

/// <summary>Flite-spoken English as the WAV file the fake microphone plays; deleted on dispose.</summary>
public sealed class MicrophoneRecording : IDisposable
{
    private MicrophoneRecording(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// <paramref name="text"/> between 0.5 s of silence before (chromium loses the first 30-100 ms)
    /// and 1 s after, enough for the server's end of utterance (400 ms of silence).
    /// </summary>
    public static MicrophoneRecording Speak(string text)
    {
        var samples = TestSpeech.Concat(TestSpeech.Silence(500), TestSpeech.Flite(text), TestSpeech.Silence(1000));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"speechcluster-microphone-{Guid.NewGuid():N}.wav");
        using (var writer = new WaveFileWriter(path, new WaveFormat(16000, 16, 1)))
        {
            var bytes = TestSpeech.ToBytes(samples);
            writer.Write(bytes, 0, bytes.Length);
        }

        return new MicrophoneRecording(path);
    }

    public void Dispose() => File.Delete(Path);
}
