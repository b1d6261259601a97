using MathNet.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Whisper's input features: the log-mel spectrogram of up to 30 s of 16 kHz audio, zero-padded to
/// 30 s, as <c>whisper.audio.log_mel_spectrogram</c> and Hugging Face's <c>WhisperFeatureExtractor</c>
/// compute it. Thread-safe.
/// </summary>
/// <remarks>
/// A centred STFT (400-point periodic Hann window, hop 160, the signal reflect-padded by 200 at both
/// ends, the last of the 3001 frames dropped), power spectrum, mel filterbank, log10 of at least
/// 1e-10, floored at the maximum less 8, then (x + 4) / 4. Frames past the audio see only the zero
/// padding, so they are filled with log10(1e-10) without an FFT.
/// </remarks>
public sealed class WhisperLogMel
{
    public const int SampleRate = 16000;
    public const int WindowSamples = 30 * SampleRate;
    public const int Frames = 3000;
    private const int FftSize = 400;
    private const int Hop = 160;
    private const float SilenceLog = -10; // log10(1e-10)

    private readonly float[][] _filters;
    private readonly float[] _window;

    public WhisperLogMel(int melBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(melBins, 1);
        MelBins = melBins;
        _filters = WhisperMelFilterbank.Create(melBins, SampleRate, FftSize);
        _window = Window.HannPeriodic(FftSize).Select(w => (float)w).ToArray();
    }

    public int MelBins { get; }

    /// <summary>Features [mel, frame] (row-major, <see cref="MelBins"/> × 3000) of the first 30 s of <paramref name="samples"/> (in [-1, 1]).</summary>
    public float[] Compute(ReadOnlySpan<float> samples)
    {
        if (samples.Length > WindowSamples)
        {
            samples = samples[..WindowSamples];
        }

        var features = new float[MelBins * Frames];
        Array.Fill(features, SilenceLog);
        var frame = new Complex32[FftSize];
        var power = new float[FftSize / 2 + 1];
        var maximum = SilenceLog;
        var framesWithAudio = Math.Min(Frames, (samples.Length + FftSize / 2 + Hop - 1) / Hop);
        for (var t = 0; t < framesWithAudio; t++)
        {
            for (var i = 0; i < FftSize; i++)
            {
                frame[i] = new Complex32(SampleAt(samples, t * Hop - FftSize / 2 + i) * _window[i], 0);
            }

            Fourier.Forward(frame, FourierOptions.Matlab); // unscaled forward transform, as torch.stft
            for (var bin = 0; bin < power.Length; bin++)
            {
                power[bin] = frame[bin].MagnitudeSquared;
            }

            for (var mel = 0; mel < MelBins; mel++)
            {
                var energy = Dot(_filters[mel], power);
                var log = MathF.Log10(Math.Max(energy, 1e-10f));
                features[mel * Frames + t] = log;
                maximum = Math.Max(maximum, log);
            }
        }

        var floor = maximum - 8;
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (Math.Max(features[i], floor) + 4) / 4;
        }

        return features;
    }

    /// <summary>The 30 s signal (audio then zeros), reflected at both ends as torch's <c>pad_mode="reflect"</c>.</summary>
    private static float SampleAt(ReadOnlySpan<float> samples, int index)
    {
        if (index < 0)
        {
            index = -index;
        }
        else if (index >= WindowSamples)
        {
            index = 2 * (WindowSamples - 1) - index;
        }

        return index < samples.Length ? samples[index] : 0;
    }

    private static float Dot(float[] weights, float[] power)
    {
        var sum = 0f;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * power[i];
        }

        return sum;
    }
}
