namespace SpeechCluster.Engines.Audio;

/// <summary>Turns synthesized PCM into one complete audio file (a TTS segment on the wire).</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IAudioEncoder
{
    /// <summary>The value of the <c>format</c> query parameter this encoder serves, e.g. <c>audio/mp3</c>.</summary>
    string ContentType { get; }

    /// <summary>Encodes mono 16-bit samples recorded at <paramref name="sampleRate"/> Hz.</summary>
    /// <returns>A complete file (a WAV with real sizes, or an MP3 stream).</returns>
    byte[] Encode(ReadOnlySpan<short> samples, int sampleRate);
}
