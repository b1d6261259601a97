using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechCluster.Bench.Server;
using SpeechCluster.Engines.Audio;
using SpeechCluster.Engines.Recognition;
using SpeechCluster.Engines.Synthesis;
using SpeechCluster.Engines.Text;
using SpeechCluster.Engines.Translation;
using SpeechCluster.Engines.Vad;

namespace SpeechCluster.Bench.Baseline;

/// <summary>
/// The embedded engines in a plain loop, no server: the same audio (each clip followed by as much
/// silence) goes through what a session does with it — VAD and endpointing, streaming recognition
/// in 100 ms pieces with TrueText and translation of each changed partial, then the final,
/// its translation and spoken translation. Its CPU per audio second is the baseline of the
/// server's.
/// </summary>
internal static class BareEngines
{
    /// <param name="loops">How many loops run at once over their share of the clips, sharing the engines
    /// as a server's conversations do: with more than one, the engines compete for the cores and their
    /// caches as they do in the server, so the ratio against it is the cluster's own cost.</param>
    /// <returns>Audio and CPU seconds, and the clips of which the engines recognised at least one word.</returns>
    public static async Task<(double AudioSeconds, double CpuSeconds, IReadOnlySet<string> Heard)> RunAsync(IReadOnlyList<Clip> clips, CancellationToken cancellationToken, int loops = 1)
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
            var seconds = 0.0;
            for (var i = loop; i < clips.Count; i += loops)
            {
                var audio = clips[i].Samples.Concat(new short[clips[i].Samples.Length]).ToArray();
                seconds += audio.Length / 16000.0;
                if (await ProcessAsync(audio, vad, recognizer, translator, trueText, synthesizer, voice, encoder, cancellationToken))
                {
                    heard[clips[i].Id] = true;
                }
            }

            return seconds;
        }, cancellationToken)));

        return (audioSeconds.Sum(), (ProcessStats.TreeCpuTime(Environment.ProcessId) - before).TotalSeconds, heard.Keys.ToHashSet());
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
