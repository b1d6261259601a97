using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpeechCluster.Bench.Conversations;
using SpeechCluster.Bench.Load;
using SpeechCluster.Bench.Server;
using SpeechCluster.Client;

namespace SpeechCluster.Bench.Commands;

/// <summary>
/// <c>failover</c>: a gateway and two silos joined through Redis, conversations streaming real
/// speech, one silo killed (SIGKILL) mid-run; how long until finals come again, what latency the
/// utterances around the kill saw beside those before it, and whether any utterance was lost or
/// repeated. Writes bench/results/failover.md.
/// </summary>
internal static class FailoverCommand
{
    public static Command Create(Option<string> eval, Option<string> output)
    {
        var conversations = new Option<int>("--conversations") { Description = "Concurrent conversations", DefaultValueFactory = _ => 4 };
        var seconds = new Option<int>("--seconds") { Description = "Audio per conversation", DefaultValueFactory = _ => 45 };
        var killAt = new Option<int>("--kill-at") { Description = "Seconds after the start when silo 0 is killed", DefaultValueFactory = _ => 18 };
        var command = new Command("failover", "Kill a silo mid-conversation: time to the next final, latency around the kill, lost utterances") { eval, output, conversations, seconds, killAt };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (source, clips) = Clip.Load(parse.GetValue(eval));
            await using var cluster = await ClusterProcesses.StartAsync(2, cancellationToken);
            // One short conversation first, so that engine start-up is not counted as failover.
            await ConversationDriver.RunAsync(cluster.Gateway.WebSocketUri, ServerProcess.Key, new ConversationScript().Say(clips[0]).Pause(TimeSpan.FromSeconds(1)), cancellationToken);

            var n = parse.GetValue(conversations);
            var scripts = LoadRun.Scripts(clips, n, TimeSpan.FromSeconds(parse.GetValue(seconds)));
            var start = Stopwatch.GetTimestamp();
            var runs = scripts.Select(async (script, i) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2.0 * i / n), cancellationToken);
                try
                {
                    // A conversation riding through the failover may wait long for its last finals.
                    var record = await ConversationDriver.RunAsync(cluster.Gateway.WebSocketUri, ServerProcess.Key, script, cancellationToken, TimeSpan.FromSeconds(120));
                    return (Record: record, Error: (string?)null);
                }
                catch (SpeechTranslationException ex)
                {
                    return (Record: (ConversationRecord?)null, Error: ex.Message);
                }
            }).ToList();
            await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(killAt)), cancellationToken);
            var killed = Stopwatch.GetTimestamp();
            cluster.KillSilo(0);
            Console.Error.WriteLine($"killed silo 0 at {Stopwatch.GetElapsedTime(start, killed).TotalSeconds:F1} s");
            var results = await Task.WhenAll(runs);

            var report = Report(results, killed, source, n);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "failover.md"), report, cancellationToken);
            Console.WriteLine(report);
        });
        return command;
    }

    private static string Report((ConversationRecord? Record, string? Error)[] results, long killed, string source, int conversations)
    {
        var records = results.Select(r => r.Record).OfType<ConversationRecord>().ToList();
        var outcomes = records.SelectMany(UtteranceMeasurer.Measure).ToList();
        var timings = outcomes.SelectMany(o => o.Utterances).ToList();
        double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
        // Utterances whose speech ended before the kill and whose final came before it too are
        // the baseline; those that ended in the 20 s after it (or were still waiting at the kill) rode through it.
        var before = timings.Where(t => t.ArrivedAt < killed).Select(t => t.EndOfSpeechToFinalMs);
        var around = timings.Where(t => t.ArrivedAt >= killed && Ms(killed, t.EndOfSpeechAt) < 20_000).Select(t => t.EndOfSpeechToFinalMs);
        var nextFinal = records.Select(r => r.Received
                .Where(e => e.At > killed && e.Event is TranslationResult { IsFinal: true })
                .Select(e => Ms(killed, e.At)).DefaultIfEmpty(double.NaN).First())
            .ToList();
        var idsInOrder = records.Select(FinalIds).Count(ids => ids.SequenceEqual(Enumerable.Range(0, ids.Count)));

        var md = new StringBuilder();
        md.AppendLine("# Failover: a silo killed mid-conversation");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {BenchEnvironment.Machine}. Date: {BenchEnvironment.Date}. Commit: `{BenchEnvironment.Commit()}`.");
        md.AppendLine(CultureInfo.InvariantCulture, $"A gateway (no engines) and two silos (all engines) as separate processes on loopback, membership in a local redis-server; {conversations} conversations streaming {source} at real-time pace (each clip followed by as much silence), `to=es` with TextToSpeech; silo 0 killed with SIGKILL. Regenerate: `dotnet bench/SpeechCluster.Bench/bin/Release/net10.0/SpeechCluster.Bench.dll failover`.");
        md.AppendLine();
        md.AppendLine("| measure | value |");
        md.AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| conversations that failed | {results.Count(r => r.Error is not null)} of {conversations} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| utterances without a final (lost) | {outcomes.Count(o => o.Lost)} of {outcomes.Count} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| conversations whose final ids run 0, 1, 2… without gap or repeat | {idsInOrder} of {records.Count} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| kill to each conversation's next final (ms) | {string.Join(", ", nextFinal.Select(v => double.IsNaN(v) ? "none" : v.ToString("F0", CultureInfo.InvariantCulture)))} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| end of speech to final before the kill (ms) | {Describe(Statistics.Of(before))} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| end of speech to final, utterances through the kill and 20 s after (ms) | {Describe(Statistics.Of(around))} |");
        md.AppendLine();
        md.AppendLine("The kill-to-next-final gap includes each conversation's natural wait for its next utterance to end; the conversations whose session or workers were on the killed silo are the ones well above that.");
        foreach (var lost in outcomes.Where(o => o.Lost))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- no final with words for clip {lost.Clip} ({lost.Seconds:F1} s; {lost.Finals} final(s) overlapping it, \"{lost.Hypothesis}\")");
        }

        foreach (var error in results.Select(r => r.Error).OfType<string>().Distinct())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- error: {error}");
        }

        return md.ToString();
    }

    private static List<int> FinalIds(ConversationRecord record) =>
        record.Received.Select(e => e.Event).OfType<TranslationResult>().Where(r => r.IsFinal)
            .Select(r => int.TryParse(r.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();

    private static string Describe(Statistics? s) =>
        s is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"median {s.Median:F0}, p95 {s.P95:F0}, max {s.Max:F0} (n = {s.Count})");
}
