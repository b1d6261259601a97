namespace SpeechCluster.Client;

/// <summary>Tells audio files apart by their first bytes, to name saved TTS segments.</summary>
internal static class AudioSniffer
{
    public static string Extension(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WAVE"u8))
        {
            return "wav";
        }

        if (data.Length >= 4 && data[..4].SequenceEqual("OggS"u8))
        {
            return "ogg";
        }

        // An ID3 tag, or an MPEG audio frame sync (11 set bits).
        if ((data.Length >= 3 && data[..3].SequenceEqual("ID3"u8)) || (data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xE0) == 0xE0))
        {
            return "mp3";
        }

        return "bin";
    }
}
