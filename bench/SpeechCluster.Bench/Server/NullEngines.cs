using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Bench.Server;

/// <summary>
/// The benchmark's "null engines" profile: constant-time stand-ins for the VAD, recognizer,
/// translator and synthesizer, so that a run measures the gateway, the session grain and Orleans
/// alone. Only this benchmark's <c>serve-null-engines</c> role registers them; the product never does.
/// </summary>
internal static class NullEngines
{
    /// <summary>Registers the stand-ins before the product's engines, which then keep them (TryAdd).</summary>
    public static IServiceCollection AddNullEngines(this IServiceCollection services)
    {
        services.TryAddSingleton<IVoiceActivityModel, LoudnessVad>();
        services.TryAddSingleton<ISpeechRecognizer, CountingRecognizer>();
        services.TryAddSingleton<ITranslator, EchoTranslator>();
        services.TryAddSingleton(_ => new CompositeSynthesizer([new SilentSynthesizer()]));
        return services;
    }

    /// <summary>Speech is any frame louder than a fixed level: real endpointing, no model.</summary>
    private sealed class LoudnessVad : IVoiceActivityModel
    {
        public int FrameSamples => 512;

        public void Score(ReadOnlySpan<float> samples, VadStreamState state, Span<float> probabilities)
        {
            for (var f = 0; f < probabilities.Length; f++)
            {
                var frame = samples.Slice(f * FrameSamples, FrameSamples);
                double energy = 0;
                foreach (var sample in frame)
                {
                    energy += sample * sample;
                }

                probabilities[f] = Math.Sqrt(energy / FrameSamples) > 0.015 ? 0.9f : 0.05f;
            }
        }
    }

    /// <summary>A hypothesis that grows by a word every call, so that every chunk yields a partial.</summary>
    private sealed class CountingRecognizer : ISpeechRecognizer
    {
        public string Locale => "en-US";

        public string Model => "counting";

        public IRecognitionStream OpenStream() => new Stream();

        public ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default) => new(new Stream());

        public void Dispose()
        {
        }

        private sealed class Stream : IRecognitionStream
        {
            private int _calls;

            public string AcceptAudio(ReadOnlySpan<short> samples) => string.Join(' ', Enumerable.Repeat("word", ++_calls % 12 + 1));

            public RecognitionResult Finish() => new("this is what was said", [new RecognizedWord("this", TimeSpan.Zero, TimeSpan.FromMilliseconds(200))]);

            public void Dispose()
            {
            }
        }
    }

    private sealed class EchoTranslator : ITranslator
    {
        public IReadOnlyCollection<LanguagePair> Pairs { get; } = [new LanguagePair("en", "es")];

        public Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default) => Task.FromResult(text);

        public void Dispose()
        {
        }
    }

    /// <summary>300 ms of silence for any text.</summary>
    private sealed class SilentSynthesizer : ISpeechSynthesizer
    {
        public IReadOnlyList<VoiceInfo> Voices { get; } =
        [
            new("es-ES-Null", "Null", "female", "es-ES", "es", "Spanish", "Spain"),
            new("en-US-Null", "Null", "female", "en-US", "en", "English", "United States"),
        ];

        public SynthesizedAudio Synthesize(string text, string voiceId) => new(new short[4800], 16000);

        public void Dispose()
        {
        }
    }
}
