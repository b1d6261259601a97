using System.Buffers;
using SpeechCluster.Engines.Audio;

namespace SpeechCluster.MicroBench;

/// <summary>
/// The real speech every benchmark runs on: a 7.1 s LibriVox recording (16 kHz mono, 44-byte
/// header) from Debian's pocketsphinx-testdata, cut the way clients send it: 100 ms messages of
/// 3,200 bytes.
/// </summary>
internal static class BenchAudio
{
    public const string RecordingPath =
        "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav";

    public const int Rate = 16000;

    /// <summary>One message of 100 ms at 16 kHz, 16-bit: 3,200 bytes.</summary>
    public const int MessageBytes = 3200;

    private static readonly Lazy<byte[]> FileBytes = new(() => System.IO.File.ReadAllBytes(RecordingPath));
    private static readonly Lazy<short[]> Samples = new(Decode);

    /// <summary>The whole file as a client sends it: header, then PCM.</summary>
    public static byte[] WavFile => FileBytes.Value;

    /// <summary>The recording's 16 kHz samples.</summary>
    public static short[] Samples16k => Samples.Value;

    /// <summary>The recording at another rate (StreamingResampler, whole buffer).</summary>
    public static short[] SamplesAt(int rate) =>
        rate == Rate ? Samples16k : StreamingResampler.Resample(Samples16k, Rate, rate);

    /// <summary>Whole pieces of <paramref name="length"/> items; a short tail is dropped.</summary>
    public static T[][] Pieces<T>(T[] items, int length) =>
        [.. Enumerable.Range(0, items.Length / length).Select(i => items.AsSpan(i * length, length).ToArray())];

    /// <summary>The samples scaled to [-1, 1], as the VAD model takes them.</summary>
    public static float[] ToFloat(ReadOnlySpan<short> samples)
    {
        var result = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            result[i] = samples[i] / 32768f;
        }

        return result;
    }

    private static short[] Decode()
    {
        var parser = new WavStreamParser();
        var samples = new ArrayBufferWriter<short>();
        var result = parser.Feed(WavFile, samples);
        if (result.Status != WavFeedStatus.Audio || parser.Format?.SampleRate != Rate)
        {
            throw new InvalidDataException($"{RecordingPath}: expected 16 kHz PCM ({result.Reason})");
        }

        return samples.WrittenSpan.ToArray();
    }
}
