using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SpeechCluster.Bench;

// Benchmarks of SpeechCluster as users feel it. See bench/README.md.
var server = new Option<string>("--server") { Description = "ws:// URL of a running server (default: start the embedded server in this process)" };
var key = new Option<string>("--key") { Description = "Subscription key for --server" };
var eval = new Option<string>("--eval") { Description = "Folder with index.tsv and <id>.wav/.txt (default: ../shared/eval/dev/speech if found, else Debian's LibriVox test recordings)" };
var runs = new Option<int>("--runs") { Description = "How many times to stream every clip", DefaultValueFactory = _ => 1 };
var output = new Option<string>("--out") { Description = "Folder for the report", DefaultValueFactory = _ => "bench/results" };

var latency = new Command("latency", "Latency and WER of one conversation at a time over the WebSocket protocol") { server, key, eval, runs, output };
latency.SetAction(async (parse, cancellationToken) =>
{
    var (source, clips) = Clip.Load(parse.GetValue(eval));
    await using var embedded = parse.GetValue(server) is null ? await EmbeddedServer.StartAsync() : null;
    var uri = embedded?.Uri ?? new Uri(parse.GetValue(server)!);
    var subscriptionKey = embedded is null ? parse.GetValue(key) ?? "" : EmbeddedServer.Key;

    // One throw-away conversation warms up the engines (decoder creation, Apertium start).
    await ConversationProbe.RunAsync(uri, subscriptionKey, clips[0], TimeSpan.FromSeconds(1), cancellationToken);
    embedded?.ClearMeasurements();

    var outcomes = new List<ClipOutcome>();
    for (var run = 0; run < parse.GetValue(runs); run++)
    {
        foreach (var clip in clips)
        {
            ClipOutcome outcome;
            try
            {
                outcome = await ConversationProbe.RunAsync(uri, subscriptionKey, clip, TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (SpeechCluster.Client.SpeechTranslationException ex)
            {
                // A failed conversation is a finding of the benchmark, not the end of it.
                outcome = ClipOutcome.Failed(clip, ex.Message);
            }

            outcomes.Add(outcome);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clip.Id}: WER {outcome.Errors.Rate:P0}, {outcome.Utterances.Count} timed finals, end of speech to final {string.Join(", ", outcome.Utterances.Select(u => u.EndOfSpeechToFinalMs.ToString("F0", CultureInfo.InvariantCulture)))} ms"));
        }
    }

    var report = new LatencyReport(
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
        DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Commit(),
        source,
        parse.GetValue(runs),
        outcomes,
        embedded?.Measurements("speechcluster.session.endpoint_to_final") ?? [],
        embedded?.Measurements("speechcluster.session.final_to_audio") ?? []);
    var folder = parse.GetValue(output)!;
    Directory.CreateDirectory(folder);
    await File.WriteAllTextAsync(Path.Combine(folder, "latency.md"), report.ToMarkdown(), cancellationToken);
    await File.WriteAllTextAsync(Path.Combine(folder, "latency.json"), report.ToJson(), cancellationToken);
    Console.WriteLine(report.ToMarkdown());
});

var root = new RootCommand("SpeechCluster benchmarks") { latency };
return await root.Parse(args).InvokeAsync();

static string Commit()
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit.Length > 0 ? commit : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}
