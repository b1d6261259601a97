using System.Text.Json.Serialization;
using System.Diagnostics;
using SpeechCluster.Bench.Conversations;
using SpeechCluster.Bench.Server;
using SpeechCluster.Client;

namespace SpeechCluster.Bench.Load;

/// <summary>
/// One load step: <c>Conversations</c> speakers at once, started over a ramp, each saying clips of
/// the corpus at real-time pace with a pause as long as each clip after it (half the time speaking),
/// for a fixed duration; then the server's CPU and memory and every utterance's latency.
/// </summary>
internal static class LoadRun
{
    /// <param name="liveHeap">
    /// Whether to measure the live heap per conversation (the null-engines server only): once before
    /// the step and once just after the ramp, when every conversation is under way.
    /// </param>
    public static async Task<LoadStep> RunAsync(ServerProcess server, IReadOnlyList<Clip> clips, int conversations, TimeSpan duration, TimeSpan ramp, CancellationToken cancellationToken, bool liveHeap = false)
    {
        var liveBefore = liveHeap ? await server.LiveHeapBytesAsync(cancellationToken) : 0;
        var metric = "speechcluster_session_endpoint_to_final_milliseconds";
        var metricsBefore = await PrometheusText.FetchAsync(server.HttpUri, cancellationToken);
        var histogramBefore = PrometheusHistogram.Parse(metricsBefore, metric);
        var gcBefore = PrometheusGauges.Sums(metricsBefore, GcGauges);
        var residentBefore = server.ResidentBytes;
        var cpuBefore = server.CpuTime;
        var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long peakResident = residentBefore;
        var gcPeak = gcBefore.ToDictionary();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            for (var tick = 0; !sampling.IsCancellationRequested; tick++)
            {
                peakResident = Math.Max(peakResident, server.ResidentBytes);
                if (tick % 2 == 1)
                {
                    // The GC's own figures, to tell its heap from the memory outside it (once a second: a scrape costs the server a little).
                    foreach (var (name, value) in PrometheusGauges.Sums(await PrometheusText.FetchAsync(server.HttpUri, CancellationToken.None), GcGauges))
                    {
                        gcPeak[name] = Math.Max(gcPeak[name], value);
                    }
                }

                await Task.Delay(500, CancellationToken.None);
            }
        }, CancellationToken.None);

        var scripts = Scripts(clips, conversations, duration);
        var runs = scripts.Select(async (script, i) =>
        {
            await Task.Delay(ramp * i / Math.Max(conversations, 1), cancellationToken);
            try
            {
                return (Record: await ConversationDriver.RunAsync(server.WebSocketUri, ServerProcess.Key, script, cancellationToken), Error: (string?)null);
            }
            catch (SpeechTranslationException ex)
            {
                return (Record: (ConversationRecord?)null, Error: ex.Message);
            }
        }).ToList();
        long? liveAtPeak = null;
        if (liveHeap)
        {
            await Task.Delay(ramp + TimeSpan.FromSeconds(1.5), cancellationToken);
            liveAtPeak = await server.LiveHeapBytesAsync(cancellationToken);
        }

        var results = await Task.WhenAll(runs);
        await sampling.CancelAsync();
        await sampler;

        var cpu = server.CpuTime - cpuBefore;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBefore;
        var histogram = PrometheusHistogram.Parse(await PrometheusText.FetchAsync(server.HttpUri, cancellationToken), metric).Minus(histogramBefore);
        var outcomes = results.Where(r => r.Record is not null).SelectMany(r => UtteranceMeasurer.Measure(r.Record!)).ToList();
        var roundTrips = results.Where(r => r.Record is not null).SelectMany(r => PartialRoundTrips(r.Record!)).ToList();
        var audioSeconds = scripts.Sum(s => s.Segments.Sum(x => x.Samples)) / 16000.0;
        var clipSeconds = scripts.Sum(s => s.Segments.Where(x => x.Clip is not null).Sum(x => x.Samples)) / 16000.0;
        return new LoadStep(
            conversations,
            clock.Elapsed.TotalSeconds,
            audioSeconds,
            clipSeconds,
            cpu.TotalSeconds,
            generatorCpu.TotalSeconds,
            (peakResident - residentBefore) / (double)conversations,
            (gcPeak[PrometheusGauges.GcHeap] - gcBefore[PrometheusGauges.GcHeap]) / conversations,
            (gcPeak[PrometheusGauges.GcCommitted] - gcBefore[PrometheusGauges.GcCommitted]) / conversations,
            (liveAtPeak - liveBefore) / (double)conversations,
            outcomes,
            results.Count(r => r.Error is not null),
            results.Select(r => r.Error).OfType<string>().Distinct().Take(5).ToList(),
            histogram.Quantile(0.5),
            histogram.Quantile(0.95),
            roundTrips);
    }

    private static readonly string[] GcGauges = [PrometheusGauges.GcHeap, PrometheusGauges.GcCommitted];

    /// <summary>What the <paramref name="conversations"/> of a step say (the bare-engines baseline processes the same).</summary>
    public static IReadOnlyList<ConversationScript> Scripts(IReadOnlyList<Clip> clips, int conversations, TimeSpan duration) =>
        [.. Enumerable.Range(0, conversations).Select(i => Script(clips, i, duration))];

    /// <summary>
    /// Clips in turn from a different starting point per speaker, each followed by as much silence,
    /// until <paramref name="duration"/> is reached; the last clip is followed by 2 s only (enough for
    /// its final), so that a step does not outlast its duration by a whole clip's pause.
    /// </summary>
    private static ConversationScript Script(IReadOnlyList<Clip> clips, int speaker, TimeSpan duration)
    {
        var script = new ConversationScript();
        var total = TimeSpan.Zero;
        for (var k = 0; total < duration; k++)
        {
            var clip = clips[(speaker + k) % clips.Count];
            var length = TimeSpan.FromSeconds(clip.Seconds);
            script.Say(clip);
            total += length * 2;
            if (total < duration)
            {
                script.Pause(length);
            }
        }

        return script.Pause(TimeSpan.FromSeconds(2));
    }

    /// <summary>
    /// Client-measured round trip of each partial: its arrival minus when the client sent the
    /// message holding the last sample its span covers (gateway, session, workers and back).
    /// </summary>
    private static IEnumerable<double> PartialRoundTrips(ConversationRecord record) =>
        record.Received
            .Where(r => r.Event is TranslationResult { IsPartial: true, AudioTimeOffset: not null, AudioTimeSize: not null })
            .Select(r =>
            {
                var partial = (TranslationResult)r.Event;
                var end = (partial.AudioTimeOffset!.Value + partial.AudioTimeSize!.Value) / 625;
                return Stopwatch.GetElapsedTime(record.SentAtSample(end - 1), r.At).TotalMilliseconds;
            });
}

/// <summary>The measurements of one load step.</summary>
internal sealed record LoadStep(
    int Conversations,
    double WallSeconds,
    double AudioSeconds,
    double ClipSeconds,
    double ServerCpuSeconds,
    double GeneratorCpuSeconds,
    double MemoryPerConversationBytes,
    double GcHeapPerConversationBytes,
    double GcCommittedPerConversationBytes,
    double? LiveHeapPerConversationBytes,
    IReadOnlyList<ClipOutcome> Clips,
    int FailedConversations,
    IReadOnlyList<string> Errors,
    double? EndpointToFinalMedianMs,
    double? EndpointToFinalP95Ms,
    [property: JsonIgnore] IReadOnlyList<double> PartialRoundTripsMs)
{
    /// <summary>The round trips summarised: the report's JSON keeps this, not one number per partial.</summary>
    public Statistics? PartialRoundTrip => Statistics.Of(PartialRoundTripsMs);

    public double CpuPerAudioSecond => ServerCpuSeconds / AudioSeconds;

    /// <summary>Cores the server kept busy on average during the step.</summary>
    public double ServerCores => ServerCpuSeconds / WallSeconds;

    /// <summary>Cores the load generator (this process, on the same machine) kept busy.</summary>
    public double GeneratorCores => GeneratorCpuSeconds / WallSeconds;

    [JsonIgnore]
    public IEnumerable<UtteranceTiming> Utterances => Clips.SelectMany(c => c.Utterances);

    public int LostUtterances => Clips.Count(c => c.Lost);
}
