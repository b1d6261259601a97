using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace SpeechCluster.Client;

/// <summary>
/// Reads a WAV file as the protocol's audio: 16 kHz mono 16-bit PCM. A file already in that format is passed
/// through byte for byte; any other PCM or float file is mixed down to mono and resampled (NAudio's WDL
/// resampler). Owns the open file; not thread-safe.
/// </summary>
internal sealed class WavPcmSource : IDisposable
{
    private readonly WaveFileReader _reader;
    private readonly ISampleProvider? _converted;
    private float[] _samples = [];

    private WavPcmSource(WaveFileReader reader, ISampleProvider? converted)
    {
        _reader = reader;
        _converted = converted;
    }

    /// <summary>Length of the audio.</summary>
    public TimeSpan Duration => _reader.TotalTime;

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a WAV file, or an encoding other than PCM or IEEE float.</exception>
    public static WavPcmSource Open(string path)
    {
        WaveFileReader reader;
        try
        {
            reader = new WaveFileReader(path);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{path}: not a readable WAV file ({ex.Message})", ex);
        }

        try
        {
            var format = reader.WaveFormat;
            if (format.Encoding == WaveFormatEncoding.Pcm && format.Channels == 1 && format.BitsPerSample == 16
                && format.SampleRate == StreamingWavHeader.SampleRate)
            {
                return new WavPcmSource(reader, null);
            }

            return new WavPcmSource(reader, Convert(reader, path));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Fills <paramref name="pcm"/> as far as the file allows; returns the bytes written (even; 0 at the end).</summary>
    public int Read(Span<byte> pcm)
    {
        pcm = pcm[..(pcm.Length & ~1)];
        return _converted is null ? ReadDirect(pcm) : ReadConverted(pcm);
    }

    public void Dispose() => _reader.Dispose();

    private int ReadDirect(Span<byte> pcm)
    {
        var total = 0;
        int read;
        while (total < pcm.Length && (read = _reader.Read(pcm[total..])) > 0)
        {
            total += read;
        }

        // A truncated file may end mid-sample; the protocol needs whole samples.
        return total & ~1;
    }

    private int ReadConverted(Span<byte> pcm)
    {
        var wanted = pcm.Length / 2;
        if (_samples.Length < wanted)
        {
            _samples = new float[wanted];
        }

        var total = 0;
        int read;
        while (total < wanted && (read = _converted!.Read(_samples.AsSpan(total, wanted - total))) > 0)
        {
            total += read;
        }

        for (var i = 0; i < total; i++)
        {
            var value = (short)Math.Clamp(MathF.Round(_samples[i] * 32768f), short.MinValue, short.MaxValue);
            pcm[2 * i] = (byte)value;
            pcm[(2 * i) + 1] = (byte)(value >> 8);
        }

        return total * 2;
    }

    private static ISampleProvider Convert(WaveFileReader reader, string path)
    {
        ISampleProvider samples;
        try
        {
            samples = reader.ToSampleProvider();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: unsupported WAV encoding {reader.WaveFormat} (PCM or IEEE float needed)", ex);
        }

        if (samples.WaveFormat.Channels > 1)
        {
            var channels = samples.WaveFormat.Channels;
            var average = new float[channels, 1];
            for (var c = 0; c < channels; c++)
            {
                average[c, 0] = 1f / channels;
            }

            samples = new ChannelMixerSampleProvider(samples, average);
        }

        return samples.WaveFormat.SampleRate == StreamingWavHeader.SampleRate
            ? samples
            : new WdlResamplingSampleProvider(samples, StreamingWavHeader.SampleRate);
    }
}
