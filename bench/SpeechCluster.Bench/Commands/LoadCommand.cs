using System.CommandLine;
using System.Globalization;
using SpeechCluster.Bench.Baseline;
using SpeechCluster.Bench.Conversations;
using SpeechCluster.Bench.Load;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Commands;

/// <summary>
/// <c>load</c>: the bare-engines baselines, a sweep of concurrent conversations against the real
/// server, and a sweep of the null-engines server; writes bench/results/load.md, load.json and two SVG charts.
/// </summary>
internal static class LoadCommand
{
    public static Command Create(Option<string> eval, Option<string> output)
    {
        var sweep = new Option<string>("--conversations") { Description = "Concurrency steps of the sweep, comma-separated", DefaultValueFactory = _ => "2,4,8,16" };
        var seconds = new Option<int>("--seconds") { Description = "Length of each step", DefaultValueFactory = _ => 25 };
        var nullSweep = new Option<string>("--null-conversations") { Description = "Steps of the null-engines sweep, comma-separated (empty skips it)", DefaultValueFactory = _ => "250,2000" };
        var skipBare = new Option<bool>("--no-bare") { Description = "Skip the bare-engines baselines" };
        var command = new Command("load", "Concurrent conversations: capacity, latency percentiles, CPU and memory, with baselines") { eval, output, sweep, seconds, nullSweep, skipBare };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Clock.Restart();
            var (source, clips) = Clip.Load(parse.GetValue(eval));
            var step = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var bareRuns = parse.GetValue(skipBare) ? null : new List<BareRun>();
            var heard = new HashSet<string>();

            var steps = new List<LoadStep>();
            var notRun = new List<int>();
            var concurrencies = Counts(parse.GetValue(sweep));
            if (concurrencies.Count > 0)
            {
                await using var server = await ServerProcess.StartGatewayAsync(cancellationToken);
                // Not measured: the first conversations pay for JIT compilation and for loading decoders,
                // which a server that has been up a while has behind it.
                var warmUp = await LoadRun.RunAsync(server, ShortestClips(clips), concurrencies[0], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), cancellationToken);
                Say($"warm-up, {concurrencies[0]} conversations: {warmUp.ServerCpuSeconds:F1} server CPU s (not counted)");
                foreach (var n in concurrencies)
                {
                    if (steps.Count > 0 && Statistics.Of(steps[^1].Utterances.Select(u => u.EndOfSpeechToFinalMs)) is { P95: > LoadReport.LatencyTargetMs * LoadReport.SaturatedFactor })
                    {
                        notRun.Add(n);
                        continue;
                    }

                    if (bareRuns is not null)
                    {
                        bareRuns.Add(await BareAsync(LoadRun.Scripts(clips, n, step), heard, cancellationToken));
                    }

                    var result = await LoadRun.RunAsync(server, clips, n, step, TimeSpan.FromSeconds(5), cancellationToken);
                    steps.Add(result);
                    var s = Statistics.Of(result.Utterances.Select(u => u.EndOfSpeechToFinalMs));
                    Say($"{n} conversations: p95 end of speech to final {s?.P95:F0} ms, lost {result.LostUtterances}, CPU/audio s {result.CpuPerAudioSecond:F3}, cores server {result.ServerCores:F2} generator {result.GeneratorCores:F2}");
                }
            }

            var nullSteps = new List<LoadStep>();
            foreach (var conversations in Counts(parse.GetValue(nullSweep)))
            {
                // A fresh server per step, warmed up by a few conversations first: memory per conversation
                // is then measured from the same baseline, without the one-time costs of a young process
                // (JIT, thread pool, Orleans' caches), which are not per conversation.
                await using var server = await ServerProcess.StartNullEnginesAsync(cancellationToken);
                await LoadRun.RunAsync(server, ShortestClips(clips), Math.Min(conversations, 50), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), cancellationToken);
                var result = await LoadRun.RunAsync(server, clips, conversations, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), cancellationToken, liveHeap: true);
                nullSteps.Add(result);
                Say($"null engines, {conversations} conversations: {result.FailedConversations} failed, memory {result.MemoryPerConversationBytes / 1024:F0} KB each (live {result.LiveHeapPerConversationBytes / 1024:F0} KB, GC heap {result.GcHeapPerConversationBytes / 1024:F0} KB, GC committed {result.GcCommittedPerConversationBytes / 1024:F0} KB), cores server {result.ServerCores:F2} generator {result.GeneratorCores:F2}");
            }

            var said = steps.SelectMany(x => x.Clips).Select(c => c.Clip).Distinct();
            var bare = bareRuns is null ? null : new BareBaseline(bareRuns, [.. said.Where(id => !heard.Contains(id)).Order()]);
            var report = new LoadReport(BenchEnvironment.Machine, BenchEnvironment.Date, BenchEnvironment.Commit(), source, step.TotalSeconds, bare, steps, nullSteps, notRun);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "load.md"), report.ToMarkdown(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "load.json"), report.ToJson(), cancellationToken);
            if (steps.Count > 0)
            {
                Plots.LatencyCdf(steps, Path.Combine(folder, "load-latency-cdf.svg"));
                Plots.AgainstConcurrency(steps, bare, Path.Combine(folder, "load-concurrency.svg"));
            }

            Console.WriteLine(report.ToMarkdown());
        });
        return command;
    }

    /// <summary>
    /// The engines alone over a step's audio, one loop per conversation at once: as many decoders working
    /// side by side as the server's conversations have, competing for the cores and their caches as they
    /// do in the server, so that what the server costs beyond them is the cluster's own.
    /// </summary>
    private static async Task<BareRun> BareAsync(IReadOnlyList<ConversationScript> scripts, HashSet<string> heard, CancellationToken cancellationToken)
    {
        var (audio, cpu, recognised) = await BareEngines.RunAsync(scripts, scripts.Count, cancellationToken);
        heard.UnionWith(recognised);
        Say($"bare engines, the audio of {scripts.Count} conversations in as many loops: {cpu:F1} CPU s for {audio:F1} audio s = {cpu / audio:F3}");
        return new BareRun(scripts.Count, audio, cpu);
    }

    /// <summary>
    /// The warm-ups' clips: a script says whole clips and their pauses until its duration is reached,
    /// so with the corpus' 12 s clips a "4 s" warm-up lasted up to 24 s; the shortest clips keep it short.
    /// </summary>
    private static List<Clip> ShortestClips(IReadOnlyList<Clip> clips) => [.. clips.OrderBy(c => c.Seconds).Take(4)];

    private static List<int> Counts(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();

    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>A progress line, with the time since the command started (the whole benchmark has a 10-minute budget).</summary>
    private static void Say(string line) => Console.Error.WriteLine($"[{Clock.Elapsed.TotalSeconds:F0} s] {line}");
}
