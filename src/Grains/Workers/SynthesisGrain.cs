using Orleans.Concurrency;
using SpeechCluster.Engines.Audio;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Text;
using SpeechCluster.Grains.Interfaces;
using SpeechCluster.Grains.Hosting;
using SpeechCluster.Grains.Hosting.Placement;
using SpeechCluster.Grains.Interfaces.Workers;

namespace SpeechCluster.Grains.Workers;

/// <summary>Speaks a translation and encodes it as the client asked (WAV 16/24 kHz or MP3).</summary>
[RequiresEngine(EngineNames.Tts)]
[StatelessWorker]
internal sealed class SynthesisGrain(ISpeechSynthesizer synthesizer, VoiceDirectory voices, AudioEncoders encoders)
    : Grain, ISynthesisGrain
{
    public async Task<byte[]> SynthesizeAsync(SynthesisRequest request)
    {
        var voice = request.Voice ?? voices.DefaultFor(request.Language)
            ?? throw new NotSupportedException($"no voice speaks '{request.Language}'");
        var encoder = encoders.For(request.Format);
        return await Task.Run(() =>
        {
            var audio = synthesizer.Synthesize(SpeakableText.From(request.Text), voice);
            return encoder.Encode(audio.Samples, audio.SampleRate);
        });
    }
}
