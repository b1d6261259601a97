using SpeechCluster.Engines.Neural.Whisper;

namespace SpeechCluster.Engines.Tests.Neural.Whisper;

public sealed class WhisperLogMelTests
{
    // Slaney mel scale from 0 to 8 kHz in 80 filters: filter m peaks at mel 45.245 * (m + 1) / 81,
    // where 8 kHz is 15 + ln(8) / (ln(6.4) / 27) = 45.245 mels. 440 Hz is 6.6 mels (linear part,
    // 66.7 Hz per mel): nearest peak m = 11 (447 Hz). 1 kHz is 15 mels: nearest peak m = 26 (1005 Hz).
    // 3 kHz is 15 + ln(3) * 27 / ln(6.4) = 30.98 mels: nearest peak m = 54 (3012 Hz).
    [Theory]
    [InlineData(440, 11)]
    [InlineData(1000, 26)]
    [InlineData(3000, 54)]
    public void A_sine_puts_its_energy_in_the_mel_bin_of_its_frequency(double hz, int expectedBin)
    {
        var features = new WhisperLogMel(80).Compute(Sine(hz, seconds: 1));

        // A frame in the middle of the tone.
        var frame = 50;
        var loudest = Enumerable.Range(0, 80).MaxBy(mel => features[mel * WhisperLogMel.Frames + frame]);

        Assert.Equal(expectedBin, loudest);
    }

    [Fact]
    public void Frames_after_the_audio_are_the_floor_eight_decades_below_the_peak()
    {
        var features = new WhisperLogMel(80).Compute(Sine(1000, seconds: 1));

        var peak = features.Max();
        Assert.Equal(3000 * 80, features.Length);
        // Frame t spans samples 160 t - 200 to 160 t + 199: frame 101 is the last to reach 1 s of
        // audio, frame 102 on see only the padding, which sits at the floor (peak - 8) / 4 lower.
        Assert.All(Enumerable.Range(0, 80), mel => Assert.Equal(peak - 2, features[mel * WhisperLogMel.Frames + 2999], 4));
        Assert.All(Enumerable.Range(0, 80), mel => Assert.Equal(peak - 2, features[mel * WhisperLogMel.Frames + 102], 4));
        Assert.True(features[26 * WhisperLogMel.Frames + 99] > peak - 0.5f, "the tone's last frame is loud");
    }

    [Fact]
    public void Silence_is_the_log_floor_of_whisper_everywhere()
    {
        var features = new WhisperLogMel(128).Compute(new float[16000]);

        // log10(1e-10) = -10, scaled (x + 4) / 4.
        Assert.Equal(3000 * 128, features.Length);
        Assert.All(features, value => Assert.Equal(-1.5f, value));
    }

    [Fact]
    public void Audio_past_thirty_seconds_is_cut()
    {
        var features = new WhisperLogMel(80).Compute(Sine(1000, seconds: 31));

        Assert.Equal(3000 * 80, features.Length);
    }

    private static float[] Sine(double hz, double seconds) =>
        Enumerable.Range(0, (int)(seconds * 16000)).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / 16000))).ToArray();
}
