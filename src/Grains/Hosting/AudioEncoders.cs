using SpeechCluster.Engines.Audio;
using SpeechCluster.Grains.Interfaces;

namespace SpeechCluster.Grains.Hosting;

/// <summary>The encoder for each TTS format the protocol offers.</summary>
public sealed class AudioEncoders
{
    private readonly IAudioEncoder _wav24 = new WavEncoder(24000);
    private readonly IAudioEncoder _wav16 = new WavEncoder(16000);
    private readonly Lazy<IAudioEncoder> _mp3 = new(() => new Mp3Encoder(24000));

    public IAudioEncoder For(SpeechAudioFormat format) => format switch
    {
        SpeechAudioFormat.Wav16kHz => _wav16,
        SpeechAudioFormat.Mp3 => _mp3.Value,
        _ => _wav24,
    };
}
