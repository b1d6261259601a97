namespace SpeechCluster.Engines.Synthesis;

/// <summary>A text-to-speech engine. Thread-safe (engines that are not serialize calls inside).</summary>
public interface ISpeechSynthesizer : IDisposable
{
    /// <summary>The voices it offers; within one language, the engine's preferred voice comes first.</summary>
    IReadOnlyList<VoiceInfo> Voices { get; }

    /// <summary>Speaks <paramref name="text"/> with the voice <paramref name="voiceId"/> (one of <see cref="Voices"/>).</summary>
    SynthesizedAudio Synthesize(string text, string voiceId);
}

/// <summary>Mono 16-bit PCM at the engine's own rate (22,050 Hz for espeak-ng, 16 kHz for flite).</summary>
public sealed record SynthesizedAudio(short[] Samples, int SampleRate)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
