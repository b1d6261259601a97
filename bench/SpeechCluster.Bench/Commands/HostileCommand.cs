using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpeechCluster.Bench.Conversations;
using SpeechCluster.Bench.Hostile;
using SpeechCluster.Bench.Server;

namespace SpeechCluster.Bench.Commands;

/// <summary>
/// <c>hostile</c>: against the real gateway in its own process, the server's memory with idle
/// connections and with clients that never read, and how long a connect storm takes to shed and
/// what it does to healthy conversations. Writes bench/results/hostile.md and hostile.json.
/// </summary>
internal static class HostileCommand
{
    public static Command Create(Option<string> eval, Option<string> output)
    {
        var idle = new Option<int>("--idle") { Description = "Idle connections (handshake only)", DefaultValueFactory = _ => 1000 };
        var idleHold = new Option<int>("--idle-hold") { Description = "Seconds the idle connections are held once all are open", DefaultValueFactory = _ => 10 };
        var nonReaders = new Option<int>("--non-readers") { Description = "Clients that stream speech and never read", DefaultValueFactory = _ => 100 };
        var nonReadingCap = new Option<int>("--non-reading-seconds") { Description = "Longest the non-reading clients stream before they give up", DefaultValueFactory = _ => 60 };
        var rounds = new Option<int>("--non-reading-rounds") { Description = "Times the non-reading clients come (later rounds tell a leak from a high-water mark)", DefaultValueFactory = _ => 1 };
        var sendTimeout = new Option<int>("--send-timeout") { Description = "The gateway's SendTimeout for the run, seconds (product default 30)", DefaultValueFactory = _ => 10 };
        var resumeWindow = new Option<int>("--resume-window") { Description = "The gateway's ResumeWindow for the run, seconds (product default 60)", DefaultValueFactory = _ => 10 };
        var storm = new Option<int>("--storm") { Description = "Connection attempts of the storm", DefaultValueFactory = _ => 5000 };
        var stormConcurrency = new Option<int>("--storm-concurrency") { Description = "Storm attempts in flight at once", DefaultValueFactory = _ => 1000 };
        var healthy = new Option<int>("--healthy") { Description = "Healthy conversations beside the storm", DefaultValueFactory = _ => 3 };
        var healthySeconds = new Option<int>("--healthy-seconds") { Description = "Speech per healthy conversation, per run", DefaultValueFactory = _ => 20 };
        var command = new Command("hostile", "Idle and non-reading clients (server memory), a connect storm (time to shed, healthy latency)")
        {
            eval, output, idle, idleHold, nonReaders, nonReadingCap, rounds, sendTimeout, resumeWindow, storm, stormConcurrency, healthy, healthySeconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var clock = Stopwatch.StartNew();
            var (source, clips) = Clip.Load(parse.GetValue(eval));
            var settings = Settings(parse.GetValue(idle), parse.GetValue(sendTimeout), parse.GetValue(resumeWindow));
            var usageFile = Path.Combine(Path.GetTempPath(), $"speechcluster-hostile-usage-{Guid.NewGuid():N}.json");
            await using var server = await ServerProcess.StartGatewayAsync(cancellationToken, new Dictionary<string, string>(settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value)))
            {
                ["SpeechCluster__Metering__File"] = usageFile,
                [$"SpeechCluster__Auth__Tenants__{ConnectStorm.QuotaTenant}__Keys__0"] = ConnectStorm.QuotaKey,
                [$"SpeechCluster__Auth__Tenants__{ConnectStorm.OpenTenant}__Keys__0"] = ConnectStorm.OpenKey,
            });
            await using var memory = new MemoryTimeline(server);
            // One conversation first: engines and caches warm up before any baseline is read.
            await ConversationDriver.RunAsync(server.WebSocketUri, ServerProcess.Key, new ConversationScript().Say(clips[0]).Pause(TimeSpan.FromSeconds(1)), cancellationToken);

            var warm = await memory.PlateauAsync(TimeSpan.FromSeconds(8), 16 << 20, TimeSpan.FromSeconds(90), cancellationToken);
            Say($"warm: {warm / 1048576} MB");
            var idleResult = await IdlePhase.RunAsync(server, memory, parse.GetValue(idle), TimeSpan.FromSeconds(parse.GetValue(idleHold)),
                await memory.SettleAsync(3, cancellationToken), cancellationToken);
            Say($"idle: {idleResult.Opened} held, {idleResult.BytesPerConnection / 1024:F1} KB each");
            // The same clients again in later rounds: memory that each round leaves behind anew is
            // leaked; memory that later rounds reuse is the process's high-water mark.
            var nonReading = new List<NonReadingResult>();
            for (var round = 1; round <= parse.GetValue(rounds); round++)
            {
                var result = await NonReadingPhase.RunAsync(server, memory, clips, parse.GetValue(nonReaders), TimeSpan.FromSeconds(parse.GetValue(nonReadingCap)),
                    TimeSpan.FromSeconds(parse.GetValue(resumeWindow) + 10), await memory.SettleAsync(3, cancellationToken), cancellationToken);
                nonReading.Add(result);
                Say($"non-reading round {round}: {result.AbortedByServer} of {result.Connected} aborted, before {result.BaselineBytes / 1048576} MB, peak {result.PeakBytes / 1048576} MB, after {result.AfterBytes / 1048576} MB");
            }

            var stormResult = await StormPhase.RunAsync(server, memory, clips, parse.GetValue(healthy), TimeSpan.FromSeconds(parse.GetValue(healthySeconds)),
                parse.GetValue(storm), parse.GetValue(stormConcurrency), cancellationToken);

            var report = new HostileReport(BenchEnvironment.Machine, BenchEnvironment.Date, BenchEnvironment.Commit(), source, settings, clock.Elapsed.TotalSeconds,
                idleResult, nonReading, stormResult, memory.PerSecond());
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "hostile.md"), report.ToMarkdown(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "hostile.json"), report.ToJson(), cancellationToken);
            File.Delete(usageFile);
            Console.WriteLine(report.ToMarkdown());
        });
        return command;
    }

    /// <summary>The settings the run changes, as configuration keys: the report lists them.</summary>
    private static Dictionary<string, string> Settings(int idle, int sendTimeout, int resumeWindow)
    {
        string Seconds(int s) => TimeSpan.FromSeconds(s).ToString("c", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            // Room for every idle connection and more (the product's default is 1000); the storm
            // fills the gateway up to this and gets 503 beyond.
            ["SpeechCluster:Gateway:MaxConnections"] = (idle + 200).ToString(CultureInfo.InvariantCulture),
            ["SpeechCluster:Gateway:SendTimeout"] = Seconds(sendTimeout),
            ["SpeechCluster:Gateway:ResumeWindow"] = Seconds(resumeWindow),
            [$"SpeechCluster:Auth:Tenants:{ConnectStorm.QuotaTenant}:MaxConversations"] = "200",
            // Every decoder the pool may hold is made at start-up, so that the baselines already
            // include them (about 92 MiB each): otherwise the pool's growth under the first load
            // would read as memory not returned.
            ["SpeechCluster:Engines:PocketSphinx:PrewarmDecoders"] = "8",
        };
    }

    private static void Say(string line) => Console.Error.WriteLine(line);
}
