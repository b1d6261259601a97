using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Engines.Tests.Vad;

/// <summary>Test audio helpers: scoring whole streams and finding where speech really is.</summary>
internal static class VadAudio
{
    public const int SamplesPerMillisecond = 16;

    /// <summary>Scores a stream from a fresh state; a trailing partial frame is padded with zeros.</summary>
    public static float[] Score(IVoiceActivityModel model, short[] samples, int framesPerCall = 16)
    {
        var frames = (samples.Length + model.FrameSamples - 1) / model.FrameSamples;
        var audio = new float[frames * model.FrameSamples];
        for (var i = 0; i < samples.Length; i++)
        {
            audio[i] = samples[i] / 32768f;
        }

        var probabilities = new float[frames];
        var state = new VadStreamState();
        for (var first = 0; first < frames; first += framesPerCall)
        {
            var count = Math.Min(framesPerCall, frames - first);
            model.Score(audio.AsSpan(first * model.FrameSamples, count * model.FrameSamples), state, probabilities.AsSpan(first, count));
        }

        return probabilities;
    }

    /// <summary>Runs probabilities through an endpointer and forces an end at the end of the stream.</summary>
    public static List<EndpointEvent> Endpoint(float[] probabilities, int frameSamples, EndpointerOptions? options = null)
    {
        var endpointer = new Endpointer(options ?? new EndpointerOptions(), frameSamples);
        var events = new List<EndpointEvent>();
        endpointer.Accept(probabilities, events);
        endpointer.ForceEnd(events);
        return events;
    }

    /// <summary>The ranges [start, end) of sample positions between the first and last sample above <paramref name="threshold"/>.</summary>
    public static (int Start, int End) SpeechBounds(short[] samples, short threshold = 300)
    {
        var start = Array.FindIndex(samples, s => Math.Abs((int)s) > threshold);
        var end = Array.FindLastIndex(samples, s => Math.Abs((int)s) > threshold) + 1;
        return (start, end);
    }

    /// <summary>White noise at the given peak amplitude, from a fixed seed.</summary>
    public static short[] WhiteNoise(int milliseconds, short amplitude, int seed = 7)
    {
        var random = new Random(seed);
        var samples = new short[milliseconds * SamplesPerMillisecond];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(-amplitude, amplitude + 1);
        }

        return samples;
    }

    public static double Milliseconds(long samples) => samples / (double)SamplesPerMillisecond;
}
