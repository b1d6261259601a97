namespace SpeechCluster.Engines.Audio;

/// <summary>The format a WAV header declares.</summary>
/// <param name="FormatTag">1 is integer PCM, 3 IEEE float, 0xFFFE extensible (its sub-format decides).</param>
public sealed record AudioFormat(int FormatTag, int Channels, int SampleRate, int BitsPerSample)
{
    public const int PcmTag = 1;

    /// <summary>16-bit mono PCM at 16 kHz: what every engine consumes.</summary>
    public static AudioFormat Pcm16kMono { get; } = new(PcmTag, 1, 16000, 16);

    public int BlockAlign => Channels * BitsPerSample / 8;

    public int ByteRate => SampleRate * BlockAlign;
}
