using SpeechCluster.Engines.Recognition;

namespace AsrEval;

/// <summary>The variants the evaluation knows, by name.</summary>
internal static class Variants
{
    private static readonly Dictionary<string, string[]> ArgSets = new()
    {
        ["full"] = [],
        ["fast"] = ["-fwdflat", "no", "-bestpath", "no"],
        ["noflat"] = ["-fwdflat", "no"],
        ["nobest"] = ["-bestpath", "no"],
        ["fastds2"] = ["-fwdflat", "no", "-bestpath", "no", "-ds", "2"],
        ["fastnarrow"] = ["-fwdflat", "no", "-bestpath", "no", "-beam", "1e-40", "-wbeam", "1e-30", "-maxhmmpf", "10000"],
        ["fasttopn2"] = ["-fwdflat", "no", "-bestpath", "no", "-topn", "2"],
        ["fastpl0"] = ["-fwdflat", "no", "-bestpath", "no", "-pl_window", "0"],
        ["nosil"] = ["-remove_silence", "no"],
        ["fastnosil"] = ["-fwdflat", "no", "-bestpath", "no", "-remove_silence", "no"],
    };

    public static IReadOnlyList<Variant> All { get; } =
    [
        new("batch-full", "full", Mode.Batch),
        new("batch-fast", "fast", Mode.Batch),
        new("batch-full-peak", "full", Mode.Batch, GainMode.OraclePeak),
        new("prior-full", "full", Mode.LivePrior),
        new("prior-full-runpeak", "full", Mode.LivePrior, GainMode.RunningPeak),
        new("running-full", "full", Mode.LiveRunning),
        new("running-fast", "fast", Mode.LiveRunning),
        new("running-noflat", "noflat", Mode.LiveRunning),
        new("running-nobest", "nobest", Mode.LiveRunning),
        new("running-full-runpeak", "full", Mode.LiveRunning, GainMode.RunningPeak),
        new("running-full-r500", "full", Mode.LiveRunning, RestartMs: 500),
        new("running-full-r1000", "full", Mode.LiveRunning, RestartMs: 1000),
        new("running-fast-r1000", "fast", Mode.LiveRunning, RestartMs: 1000),
        new("oracle-fast", "fast", Mode.LiveOracle),
        new("primed-fast-0", "fast", Mode.LivePrimed, PriorFrames: 0),
        new("primed-fast-100", "fast", Mode.LivePrimed, PriorFrames: 100),
        new("primed-fast-300", "fast", Mode.LivePrimed, PriorFrames: 300),
        new("primed-fast-1000", "fast", Mode.LivePrimed, PriorFrames: 1000),
        new("drift-fast-0.5", "fast", Mode.LiveDrift, Delta: 0.5),
        new("drift-fast-1", "fast", Mode.LiveDrift, Delta: 1),
        new("drift-fast-2", "fast", Mode.LiveDrift, Delta: 2),
        new("drift-fast-4", "fast", Mode.LiveDrift, Delta: 4),
        new("oracle-fast-halfc0", "fast", Mode.LiveOracleHalfC0),
        new("oracle-fast-halfrest", "fast", Mode.LiveOracleHalfRest),
        new("running-fast-f25", "fast", Mode.LiveRunning, RestartFraction: 0.25),
        new("running-fast-f50", "fast", Mode.LiveRunning, RestartFraction: 0.5),
        new("running-fast-f75", "fast", Mode.LiveRunning, RestartFraction: 0.75),
        new("running-fast-f100", "fast", Mode.LiveRunning, RestartFraction: 1.0),
        new("running-fast-doubling", "fast", Mode.LiveRunning, Doubling: true),
        new("batch-fastds2", "fastds2", Mode.Batch),
        new("batch-fastnarrow", "fastnarrow", Mode.Batch),
        new("batch-fasttopn2", "fasttopn2", Mode.Batch),
        new("batch-fastpl0", "fastpl0", Mode.Batch),
        new("batch-nosil", "nosil", Mode.Batch),
        new("running-nosil", "nosil", Mode.LiveRunning),
        new("running-fastnosil", "fastnosil", Mode.LiveRunning),
    ];

    /// <summary>Product-recognizer settings to compare with <c>stream</c> (real time) or <c>stream-fast</c>.</summary>
    public static IEnumerable<(string Name, PocketSphinxOptions Options)> StreamOptions(string model)
    {
        PocketSphinxOptions Make(Action<PocketSphinxOptions> change)
        {
            var options = new PocketSphinxOptions
            {
                AcousticModelPath = Path.Combine(model, "en-us"),
                LanguageModelPath = Path.Combine(model, "en-us.lm.bin"),
                DictionaryPath = Path.Combine(model, "cmudict-en-us.dict"),
            };
            change(options);
            return options;
        }

        yield return ("live-only", Make(o => o.CatchUpPass = false));
        yield return ("live-nonoise", Make(o => o.DecoderArguments["-remove_noise"] = "no"));
        yield return ("live-nosil", Make(o => o.DecoderArguments["-remove_silence"] = "no"));
        yield return ("defaults", Make(_ => { }));
        yield return ("catchup-defaults", Make(o => o.CatchUpPass = true));
        yield return ("catchup-d2-wait150", Make(o => (o.CatchUpRestartDistance, o.CatchUpWait) = (2, TimeSpan.FromMilliseconds(150))));
        yield return ("catchup-d1-wait150", Make(o => (o.CatchUpRestartDistance, o.CatchUpWait) = (1, TimeSpan.FromMilliseconds(150))));
        yield return ("catchup-d2-wait2s", Make(o => (o.CatchUpRestartDistance, o.CatchUpWait) = (2, TimeSpan.FromSeconds(2))));
        yield return ("catchup-d1-wait10s", Make(o => (o.CatchUpRestartDistance, o.CatchUpWait) = (1, TimeSpan.FromSeconds(10))));
    }

    public static IReadOnlyList<Variant> Select(string[] names) =>
        names.Length == 0 ? All : names.Select(n => All.FirstOrDefault(v => v.Name == n) ?? throw new ArgumentException($"unknown variant {n}")).ToList();

    public static List<KeyValuePair<string, string>> Arguments(string model, string argSet)
    {
        var arguments = new List<KeyValuePair<string, string>>
        {
            new("-hmm", Path.Combine(model, "en-us")),
            new("-lm", Path.Combine(model, "en-us.lm.bin")),
            new("-dict", Path.Combine(model, "cmudict-en-us.dict")),
        };
        var extra = ArgSets[argSet];
        for (var i = 0; i < extra.Length; i += 2)
        {
            arguments.Add(new(extra[i], extra[i + 1]));
        }

        return arguments;
    }
}
