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
        var run = Runner.Run(decoder, variant, audio, clip.Samples.Length);
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
