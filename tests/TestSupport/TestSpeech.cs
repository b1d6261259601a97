using System.Diagnostics;
using NAudio.Wave;

namespace SpeechCluster.TestSupport;

/// <summary>
/// Speech with known words for tests: real recordings from Debian's pocketsphinx-testdata and
/// English spoken by flite (PocketSphinx recognizes flite voices well, espeak-ng's badly).
/// Both come from packages that ./test installs, so tests fail loudly when set-up is broken.
/// </summary>
public static class TestSpeech
{
    public const string PocketSphinxTestData = "/usr/share/pocketsphinx/test/data";

    /// <summary>Five LibriVox sentences (16 kHz mono) with their reference transcripts.</summary>
    public static IReadOnlyList<Recording> LibriVox { get; } = LoadLibriVox();

    /// <summary>Speaks <paramref name="text"/> with flite's <c>slt</c> voice: 16 kHz mono 16-bit.</summary>
    public static short[] Flite(string text, string voice = "slt")
    {
        var path = Path.Combine(Path.GetTempPath(), $"speechcluster-flite-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo("flite") { RedirectStandardError = true };
            foreach (var arg in new[] { "-voice", voice, "-t", text, "-o", path })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("flite did not start");
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"flite failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
            }

            var (samples, rate) = ReadWav(path);
            if (rate != 16000)
            {
                throw new InvalidOperationException($"flite voice {voice} speaks at {rate} Hz, expected 16000");
            }

            return samples;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reads a mono 16-bit WAV file.</summary>
    public static (short[] Samples, int SampleRate) ReadWav(string path)
    {
        using var reader = new WaveFileReader(path);
        if (reader.WaveFormat.BitsPerSample != 16 || reader.WaveFormat.Channels != 1)
        {
            throw new InvalidDataException($"{path}: expected 16-bit mono, got {reader.WaveFormat}");
        }

        var bytes = new byte[reader.Length];
        reader.ReadExactly(bytes);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return (samples, reader.WaveFormat.SampleRate);
    }

    /// <summary>Milliseconds of digital silence at 16 kHz.</summary>
    public static short[] Silence(int milliseconds) => new short[milliseconds * 16];

    /// <summary>Joins pieces of 16 kHz audio.</summary>
    public static short[] Concat(params short[][] pieces) => pieces.SelectMany(p => p).ToArray();

    /// <summary>Little-endian bytes of 16-bit samples.</summary>
    public static byte[] ToBytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples).CopyTo(bytes);
        return bytes;
    }

    private static IReadOnlyList<Recording> LoadLibriVox()
    {
        var folder = Path.Combine(PocketSphinxTestData, "librivox");
        var transcription = Path.Combine(folder, "transcription");
        if (!File.Exists(transcription))
        {
            return [];
        }

        var recordings = new List<Recording>();
        foreach (var line in File.ReadAllLines(transcription))
        {
            // "<s> words </s> (file-id)"
            var open = line.LastIndexOf('(');
            var id = line[(open + 1)..line.LastIndexOf(')')];
            var words = line[..open].Replace("<s>", "").Replace("</s>", "").Trim();
            recordings.Add(new Recording(id, Path.Combine(folder, id + ".wav"), words));
        }

        return recordings;
    }
}

/// <summary>A recording with its reference transcript.</summary>
public sealed record Recording(string Id, string Path, string Transcript)
{
    public short[] Samples => TestSpeech.ReadWav(Path).Samples;
}
