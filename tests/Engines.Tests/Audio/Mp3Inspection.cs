using NAudio.Wave;
using NLayer;

namespace SpeechCluster.Engines.Tests.Audio;

/// <summary>Reads MP3 output back with code that is not ours: NAudio's frame parser and NLayer's decoder.</summary>
internal static class Mp3Inspection
{
    /// <summary>Every MPEG frame of the stream, in order; fails on bytes that are not frames.</summary>
    public static List<Mp3Frame> Frames(byte[] mp3)
    {
        using var stream = new MemoryStream(mp3);
        var frames = new List<Mp3Frame>();
        while (stream.Position < stream.Length)
        {
            var start = stream.Position;
            var frame = Mp3Frame.LoadFromStream(stream) ?? throw new InvalidDataException($"no frame at {start}");
            if (frame.FileOffset != start)
            {
                throw new InvalidDataException($"garbage at {start}: next frame at {frame.FileOffset}");
            }

            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>Decodes with NLayer to 16-bit samples.</summary>
    public static (short[] Samples, int SampleRate, int Channels) Decode(byte[] mp3)
    {
        using var file = new MpegFile(new MemoryStream(mp3));
        var decoded = new List<short>();
        var buffer = new float[4608];
        int read;
        while ((read = file.ReadSamples(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                decoded.Add((short)Math.Clamp(Math.Round(buffer[i] * 32768), short.MinValue, short.MaxValue));
            }
        }

        return (decoded.ToArray(), file.SampleRate, file.Channels);
    }
}
