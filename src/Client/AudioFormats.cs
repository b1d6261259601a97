namespace SpeechCluster.Client;

/// <summary>Values for <see cref="SpeechTranslationOptions.Format"/>, the format of text-to-speech audio.</summary>
public static class AudioFormats
{
    /// <summary>16-bit mono PCM in a RIFF/WAVE file (the protocol's default).</summary>
    public const string Wav = "audio/wav";

    /// <summary>MP3.</summary>
    public const string Mp3 = "audio/mp3";
}
