using System.Diagnostics;
using AsrEval;
using SpeechCluster.Engines.Recognition.PocketSphinx;

// Usage: dotnet run -c Release --project bench/AsrEval -- [variant ...]   (no names: the default list)
const string DevFolder = "/work/shared/eval/dev/speech";
const string Model = "/usr/share/pocketsphinx/model/en-us";

var clips = EvalClip.LoadAll(DevFolder);
if (args.Length > 0 && args[0].StartsWith("stream", StringComparison.Ordinal))
{
    var realTime = !args[0].Contains("fast", StringComparison.Ordinal);
    foreach (var (name, options) in Variants.StreamOptions(Model))
    {
        if (args.Length == 1 || args.Skip(1).Contains(name))
        {
            await StreamEval.RunAsync(EvalClip.LoadAll(DevFolder), options, name, realTime);
        }
    }

    return;
}

if (args.Length > 0 && args[0] == "flite")
{
    string[] sentences =
    [
        "the weather is nice today and we are going to the park",
        "please send me the report before the meeting tomorrow morning",
        "i would like to book a table for two people at seven o'clock",
        "the children played in the garden until it was dark",
        "can you tell me how to get to the train station",
        "we need to buy some bread and milk on the way home",
    ];
    using var d = PocketSphinxDecoder.Create(Variants.Arguments(Model, "fast"));
    var live = new Variant("running", "fast", Mode.LiveRunning);
    var batch = new Variant("batch", "fast", Mode.Batch);
    foreach (var sentence in sentences)
    {
        var audio = SpeechCluster.TestSupport.TestSpeech.Concat(new short[4800], SpeechCluster.TestSupport.TestSpeech.Flite(sentence), new short[6400]);
        var b = Runner.Run(d, batch, audio, audio.Length);
        var l = Runner.Run(d, live, audio, audio.Length);
        var l2 = Runner.Run(d, live, audio, audio.Length);
        Console.WriteLine($"{sentence}\n  batch {WordErrors.Count(sentence, b.Final)}: {b.Final}\n  live  {WordErrors.Count(sentence, l.Final)}: {l.Final}\n  live2 {WordErrors.Count(sentence, l2.Final)}: {l2.Final}");
    }

    return;
}

if (args.Length > 0 && args[0] == "frames")
{
    using var d = PocketSphinxDecoder.Create(Variants.Arguments(Model, "fast"));
    foreach (var clip in EvalClip.LoadAll(DevFolder).Where(c => c.Id.StartsWith("librivox", StringComparison.Ordinal)).Take(3))
    {
        d.StartUtterance();
        Console.WriteLine($"{clip.Id} {clip.Seconds:F2}s: frames at start {d.FrameCount}");
        var audio = new short[16000].Concat(clip.Samples).ToArray();
        for (var o = 0; o < audio.Length; o += 1600)
        {
            d.Process(audio.AsSpan(o, Math.Min(1600, audio.Length - o)));
        }

        Console.WriteLine($"  frames before end {d.FrameCount}");
        d.EndUtterance();
        var segs = d.Segments();
        Console.WriteLine($"  frames after end {d.FrameCount}; segments {string.Join(" ", segs.Select(g => $"{g.Word}:{g.StartFrame}-{g.EndFrame}"))}");
    }

    return;
}

var variants = Variants.Select(args);
Console.WriteLine($"{clips.Count} clips, {clips.Sum(c => c.Seconds):F1} s of speech; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
foreach (var clip in clips)
{
    Console.WriteLine($"  {clip.Id,-36} {clip.Seconds,5:F1} s  peak {Level.Peak(clip.Samples),5}  rms {Level.Rms(clip.Samples),6:F0}");
}

var perClip = new Dictionary<string, List<double>>();
foreach (var variant in variants)
{
    using var decoder = PocketSphinxDecoder.Create(Variants.Arguments(Model, variant.ArgSet));
    var total = default(WordErrors);
    var partialTotal = default(WordErrors);
    var runs = new List<ClipRun>();
    var rates = new List<double>();
    var cpu = Stopwatch.StartNew();
    foreach (var clip in clips)
    {
        var audio = clip.Samples.Concat(new short[400 * 16]).ToArray();
        var run = Runner.Run(decoder, variant, audio, clip.Samples.Length, clip.Id);
        var errors = WordErrors.Count(clip.Reference, run.Final);
        total += errors;
        partialTotal += WordErrors.Count(clip.Reference, run.LastPartial);
        rates.Add(errors.Rate);
        runs.Add(run);
        if (Environment.GetEnvironmentVariable("ASREVAL_VERBOSE") == "1")
        {
            Console.WriteLine($"    {clip.Id}: {run.Final}");
        }
    }

    perClip[variant.Name] = rates;
    var finals = runs.Select(r => r.FinalMs).Order().ToArray();
    var finalCpu = runs.Select(r => r.FinalCpuMs).Order().ToArray();
    var audioSeconds = runs.Sum(r => r.AudioSeconds);
    Console.WriteLine(
        $"{variant.Name,-28} final {total}  last partial {partialTotal.Rate * 100,5:F1}%  " +
        $"final ms median {finals[finals.Length / 2],6:F0} p90 {finals[(int)(finals.Length * 0.9)],6:F0} max {finals[^1],6:F0}  " +
        $"final cpu ms median {finalCpu[finalCpu.Length / 2],5:F0} p90 {finalCpu[(int)(finalCpu.Length * 0.9)],5:F0} (cpu RTF {runs.Sum(r => r.FinalCpuMs) / 1000 / audioSeconds:F3})  " +
        $"stream cpu RTF {runs.Sum(r => r.StreamCpuMs) / 1000 / audioSeconds:F3}  revisions {runs.Sum(r => r.Revisions)}/{runs.Sum(r => r.Partials)}  " +
        $"wall {cpu.Elapsed.TotalSeconds:F0} s");
    if (runs.Any(r => r.Restarts > 0))
    {
        var lags = runs.Select(r => r.LagMs).Order().ToArray();
        Console.WriteLine($"{"",-28} restarts {runs.Sum(r => r.Restarts)}  simulated Finish-to-final lag ms median {lags[lags.Length / 2]:F0} p90 {lags[(int)(lags.Length * 0.9)]:F0} max {lags[^1]:F0}");
    }
}

Console.WriteLine();
Console.WriteLine("per-clip WER %: " + string.Join(" | ", perClip.Keys));
for (var i = 0; i < clips.Count; i++)
{
    Console.WriteLine($"  {clips[i].Id,-36} " + string.Join(" ", perClip.Values.Select(r => $"{r[i] * 100,5:F0}")));
}
