using System.Diagnostics;
using SpeechCluster.Engines.Neural;

namespace SpeechCluster.Bench.Gpu;

/// <summary>
/// What one conversation asks of the neural engines, without the server: a clip recognised in
/// 100 ms chunks at real-time pace (partials as the recognizer makes them), its final, the final
/// translated and the translation spoken. Times each stage; "end of speech to speech" is what the
/// listener waits for after the speaker stops.
/// </summary>
internal sealed class NeuralConversationLoop(NeuralModelSet models, string from, string to)
{
    private const int ChunkSamples = 1600;

    public async Task<StageTimes> RunAsync(Clip clip, CancellationToken cancellationToken)
    {
        var recognizer = models.Recognizers.First(r => r.Locale.StartsWith(from, StringComparison.OrdinalIgnoreCase));
        var clock = Stopwatch.StartNew();
        var chunkMs = new List<double>();
        using (var stream = await recognizer.OpenStreamAsync(cancellationToken))
        {
            for (var offset = 0; offset < clip.Samples.Length; offset += ChunkSamples)
            {
                // Real-time pace: the next chunk exists only once it has been spoken.
                var due = TimeSpan.FromSeconds((offset + ChunkSamples) / 16000.0);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, cancellationToken);
                }

                var started = clock.Elapsed;
                stream.AcceptAudio(clip.Samples.AsSpan(offset, Math.Min(ChunkSamples, clip.Samples.Length - offset)));
                chunkMs.Add((clock.Elapsed - started).TotalMilliseconds);
            }

            var endOfSpeech = clock.Elapsed;
            var text = stream.Finish().Text;
            var recognized = clock.Elapsed;
            var translation = models.Translators.Count > 0 && text.Length > 0
                ? await models.Translators[0].TranslateAsync(text, from, to, cancellationToken)
                : text;
            var translated = clock.Elapsed;
            var voice = models.Synthesizers.SelectMany(s => s.Voices.Select(v => (Synthesizer: s, Voice: v)))
                .FirstOrDefault(v => v.Voice.Language.Equals(to, StringComparison.OrdinalIgnoreCase));
            if (voice.Synthesizer is not null && translation.Length > 0)
            {
                voice.Synthesizer.Synthesize(translation, voice.Voice.Id);
            }

            var spoken = clock.Elapsed;
            return new StageTimes(
                chunkMs.Max(),
                (recognized - endOfSpeech).TotalMilliseconds,
                (translated - recognized).TotalMilliseconds,
                (spoken - translated).TotalMilliseconds,
                (spoken - endOfSpeech).TotalMilliseconds);
        }
    }
}

/// <param name="SlowestChunkMs">The longest a 100 ms chunk took to accept (a partial decode when one was due).</param>
internal sealed record StageTimes(double SlowestChunkMs, double FinalMs, double TranslationMs, double SynthesisMs, double EndOfSpeechToSpeechMs);
