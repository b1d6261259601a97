using System.CommandLine;
using System.Globalization;
using SpeechCluster.Bench.Conversations;

namespace SpeechCluster.Bench.Commands;

/// <summary><c>latency</c>: one conversation at a time against an in-process server, with its session metrics.</summary>
internal static class LatencyCommand
{
    public static Command Create(Option<string> eval, Option<string> output)
    {
        var runs = new Option<int>("--runs") { Description = "How many times to stream every clip", DefaultValueFactory = _ => 1 };
        var command = new Command("latency", "Latency and WER of one conversation at a time (server in this process)") { eval, runs, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (source, clips) = Clip.Load(parse.GetValue(eval));
            await using var server = await EmbeddedServer.StartAsync();
            // One throw-away conversation warms up what start-up did not (caches, JIT).
            await PlayAsync(server, clips[0], cancellationToken);
            server.ClearMeasurements();

            var outcomes = new List<ClipOutcome>();
            for (var run = 0; run < parse.GetValue(runs); run++)
            {
                foreach (var clip in clips)
                {
                    var outcome = await PlayAsync(server, clip, cancellationToken);
                    outcomes.Add(outcome);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{clip.Id}: WER {outcome.Errors.Rate:P0}, end of speech to final {string.Join(", ", outcome.Utterances.Select(u => u.EndOfSpeechToFinalMs.ToString("F0", CultureInfo.InvariantCulture)))} ms"));
                }
            }

            var report = new LatencyReport(BenchEnvironment.Machine, BenchEnvironment.Date, BenchEnvironment.Commit(), source, parse.GetValue(runs), outcomes,
                server.Measurements("speechcluster.session.endpoint_to_final"), server.Measurements("speechcluster.session.final_to_audio"));
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "latency.md"), report.ToMarkdown(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "latency.json"), report.ToJson(), cancellationToken);
            Console.WriteLine(report.ToMarkdown());
        });
        return command;
    }

    private static async Task<ClipOutcome> PlayAsync(EmbeddedServer server, Clip clip, CancellationToken cancellationToken)
    {
        try
        {
            var script = new ConversationScript().Say(clip).Pause(TimeSpan.FromSeconds(2));
            var record = await ConversationDriver.RunAsync(server.Uri, EmbeddedServer.Key, script, cancellationToken);
            return UtteranceMeasurer.Measure(record).Single();
        }
        catch (SpeechCluster.Client.SpeechTranslationException ex)
        {
            // A failed conversation is a finding of the benchmark, not the end of it.
            return ClipOutcome.Failed(clip, ex.Message);
        }
    }
}
