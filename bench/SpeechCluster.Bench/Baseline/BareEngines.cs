using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Bench.Conversations;
using SpeechCluster.Bench.Server;
using SpeechCluster.Engines.Audio;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Text;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Bench.Baseline;

/// <summary>
/// The embedded engines in a plain loop, no server: the audio of a load step's conversations (each
/// clip and the silence after it) goes through what a session does with it — VAD and endpointing,
/// streaming recognition in 100 ms pieces with TrueText and translation of each changed partial,
/// then the final, its translation and spoken translation. Its CPU per audio second is the baseline
/// of the server's. It must be the step's own audio: silence costs the engines almost nothing, and a
/// step's conversations speak more than half the time (a script ends on a clip and 2 s; 62-64 % on the
/// dev corpus, against 50 % for the corpus said once with a pause after each clip), so a baseline
/// over the corpus instead made the server look dearer than it is (bench/results/load-analysis.md section 2).
/// </summary>
internal static class BareEngines
{
    /// <param name="scripts">The conversations whose audio to process, as the load step says it.</param>
    /// <param name="loops">How many loops run at once, each taking whole conversations in turn, sharing the
    /// engines as a server's conversations do (with more than one they compete for the cores and their caches).</param>
    /// <returns>Audio and CPU seconds, and the clips of which the engines recognised at least one word.</returns>
    public static async Task<(double AudioSeconds, double CpuSeconds, IReadOnlySet<string> Heard)> RunAsync(
        IReadOnlyList<ConversationScript> scripts, int loops, CancellationToken cancellationToken)
    {
        using var vad = new SileroVadModel(Options.Create(new SileroVadOptions { ModelPath = ModelPath() }), NullLogger<SileroVadModel>.Instance);
        // Every loop's decoder loaded before the measurement, and none after it: loading one costs about a
        // CPU second, which is not the engines' work per audio second.
        using var recognizer = new PocketSphinxRecognizer(new PocketSphinxOptions { PrewarmDecoders = loops, SpareDecoders = 0 }, NullLogger<PocketSphinxRecognizer>.Instance);
        using var translator = new ApertiumTranslator(Options.Create(new ApertiumOptions()), NullLogger<ApertiumTranslator>.Instance);
        using var synthesizer = CompositeSynthesizer.CreateAvailable(NullLoggerFactory.Instance);
        var trueText = new TrueText(Options.Create(new TrueTextOptions()), NullLogger<TrueText>.Instance);
        var voice = synthesizer.DefaultVoice("es")!.Id;

        // Warm up outside the measurement, as the server does at start-up.
        await WarmUpAsync(recognizer, translator, trueText);
        var before = ProcessStats.TreeCpuTime(Environment.ProcessId);
        var heard = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var audioSeconds = await Task.WhenAll(Enumerable.Range(0, loops).Select(loop => Task.Run(async () =>
        {
            var encoder = new WavEncoder(24000);
            var samples = 0L;
            for (var i = loop; i < scripts.Count; i += loops)
            {
                foreach (var (clip, audio) in Utterances(scripts[i]))
                {
                    samples += audio.Length;
                    if (await ProcessAsync(audio, vad, recognizer, translator, trueText, synthesizer, voice, encoder, cancellationToken))
                    {
                        heard[clip.Id] = true;
                    }
                }
            }

            return samples / 16000.0;
        }, cancellationToken)));

        return (audioSeconds.Sum(), (ProcessStats.TreeCpuTime(Environment.ProcessId) - before).TotalSeconds, heard.Keys.ToHashSet());
    }

    /// <summary>Each clip of a script with the silence that follows it, as one stretch of audio.</summary>
    private static IEnumerable<(Clip Clip, short[] Audio)> Utterances(ConversationScript script)
    {
        var segments = script.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Clip is not { } clip)
            {
                continue;
            }

            var pause = i + 1 < segments.Count && segments[i + 1].Clip is null ? segments[i + 1].Samples : 0;
            var audio = new short[clip.Samples.Length + pause];
            clip.Samples.CopyTo(audio, 0);
            yield return (clip, audio);
        }
    }

    /// <returns>Whether any final had words.</returns>
    private static async Task<bool> ProcessAsync(short[] audio, SileroVadModel vad, PocketSphinxRecognizer recognizer, ApertiumTranslator translator,
        TrueText trueText, CompositeSynthesizer synthesizer, string voice, WavEncoder encoder, CancellationToken cancellationToken)
    {
        var endpointer = new Endpointer(new EndpointerOptions(), vad.FrameSamples);
        var state = new VadStreamState();
        var events = new List<EndpointEvent>();
        var probability = new float[1];
        var frame = new float[vad.FrameSamples];
        IRecognitionStream? stream = null;
        var heardWords = false;
        var pending = new List<short>();
        var lastPartial = "";
        for (var start = 0; start + vad.FrameSamples <= audio.Length; start += vad.FrameSamples)
        {
            for (var i = 0; i < frame.Length; i++)
            {
                frame[i] = audio[start + i] / 32768f;
            }

            vad.Score(frame, state, probability);
            events.Clear();
            endpointer.Accept(probability[0], events);
            foreach (var e in events)
            {
                if (e.Kind == EndpointEventKind.Started)
                {
                    stream = await recognizer.OpenStreamAsync(cancellationToken);
                    pending.AddRange(audio.AsSpan((int)e.StartSample, start - (int)e.StartSample));
                }
                else if (stream is not null)
                {
                    state.Reset(); // as the session does at the end of every utterance
                    stream.AcceptAudio(pending.ToArray());
                    pending.Clear();
                    var final = stream.Finish();
                    heardWords |= final.Text.Length > 0;
                    stream.Dispose();
                    stream = null;
                    var text = await RenderAsync(final.Text, true, translator, trueText, cancellationToken);
                    var speech = synthesizer.Synthesize(SpeakableText.From(text), voice);
                    encoder.Encode(speech.Samples, speech.SampleRate);
                }
            }

            if (stream is not null)
            {
                pending.AddRange(audio.AsSpan(start, vad.FrameSamples));
                if (pending.Count >= 1600)
                {
                    var hypothesis = stream.AcceptAudio(pending.ToArray());
                    pending.Clear();
                    if (hypothesis.Length > 0 && hypothesis != lastPartial)
                    {
                        lastPartial = hypothesis;
                        await RenderAsync(hypothesis, false, translator, trueText, cancellationToken);
                    }
                }
            }
        }

        stream?.Dispose();
        return heardWords;
    }

    /// <summary>What the session does with a hypothesis: TrueText twice, translate, TrueText on the translation.</summary>
    private static async Task<string> RenderAsync(string raw, bool isFinal, ApertiumTranslator translator, TrueText trueText, CancellationToken cancellationToken)
    {
        if (raw.Length == 0)
        {
            return "";
        }

        trueText.Process(new TrueTextRequest { Text = raw, Language = "en", IsFinal = isFinal });
        var clean = trueText.Process(new TrueTextRequest { Text = raw, Language = "en", IsFinal = isFinal, ProfanityAction = ProfanityAction.NoAction }).Text;
        var translation = await translator.TranslateAsync(clean, "en", "es", cancellationToken);
        return trueText.Process(new TrueTextRequest { Text = translation, Language = "es", IsFinal = isFinal, Role = TextRole.Translation }).Text;
    }

    private static async Task WarmUpAsync(PocketSphinxRecognizer recognizer, ApertiumTranslator translator, TrueText trueText)
    {
        await recognizer.WarmUpAsync();
        trueText.Preload("en");
        trueText.Preload("es");
        await translator.TranslateAsync("Hello.", "en", "es");
    }

    private static string ModelPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "silero", "silero_vad.onnx");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("models/silero/silero_vad.onnx not found; run ./run or scripts/setup.sh");
    }
}
