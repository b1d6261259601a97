using System.CommandLine;
using System.Globalization;
using SpeechCluster.Bench.Baseline;
using SpeechCluster.Bench.Load;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Commands;

/// <summary>
/// <c>load</c>: the bare-engines baseline, a sweep of concurrent conversations against the real
/// server, and the null-engines run; writes bench/results/load.md, load.json and two SVG charts.
/// </summary>
internal static class LoadCommand
{
    public static Command Create(Option<string> eval, Option<string> output)
    {
        var sweep = new Option<string>("--conversations") { Description = "Concurrency steps of the sweep, comma-separated", DefaultValueFactory = _ => "4,8,12,16,20" };
        var seconds = new Option<int>("--seconds") { Description = "Length of each step", DefaultValueFactory = _ => 35 };
        var nullConversations = new Option<int>("--null-conversations") { Description = "Conversations of the null-engines run (0 skips it)", DefaultValueFactory = _ => 2000 };
        var skipBare = new Option<bool>("--no-bare") { Description = "Skip the bare-engines baseline" };
        var bareLoops = new Option<int>("--bare-loops") { Description = "Loops the bare engines run at once", DefaultValueFactory = _ => 1 };
        var command = new Command("load", "Concurrent conversations: capacity, latency percentiles, CPU and memory, with baselines") { eval, output, sweep, seconds, nullConversations, skipBare, bareLoops };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (source, clips) = Clip.Load(parse.GetValue(eval));
            var step = TimeSpan.FromSeconds(parse.GetValue(seconds));
            double? bare = null;
            if (!parse.GetValue(skipBare))
            {
                var (audio, cpu) = await BareEngines.RunAsync(clips, cancellationToken, parse.GetValue(bareLoops));
                bare = cpu / audio;
                Say($"bare engines: {cpu:F1} CPU s for {audio:F1} audio s = {bare:F3}");
            }

            var steps = new List<LoadStep>();
            await using (var server = await ServerProcess.StartGatewayAsync(cancellationToken))
            {
                // An empty list (--conversations "") runs no step: only the baselines.
                foreach (var n in parse.GetValue(sweep)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)))
                {
                    var result = await LoadRun.RunAsync(server, clips, n, step, TimeSpan.FromSeconds(5), cancellationToken);
                    steps.Add(result);
                    var s = Statistics.Of(result.Utterances.Select(u => u.EndOfSpeechToFinalMs));
                    Say($"{n} conversations: p95 end of speech to final {s?.P95:F0} ms, lost {result.LostUtterances}, CPU/audio s {result.CpuPerAudioSecond:F3}");
                }
            }

            LoadStep? nullRun = null;
            if (parse.GetValue(nullConversations) is > 0 and var conversations)
            {
                await using var server = await ServerProcess.StartNullEnginesAsync(cancellationToken);
                nullRun = await LoadRun.RunAsync(server, clips, conversations, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), cancellationToken);
                Say($"null engines, {conversations} conversations: {nullRun.FailedConversations} failed, memory {nullRun.MemoryPerConversationBytes / 1024:F0} KB each");
            }

            var report = new LoadReport(BenchEnvironment.Machine, BenchEnvironment.Date, BenchEnvironment.Commit(), source, step.TotalSeconds, bare, steps, nullRun);
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

    private static void Say(string line) => Console.Error.WriteLine(line);
}
