using System.Globalization;
using System.Text;
using System.Text.Json;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench.Load;

/// <summary>The load benchmark's report: the concurrency sweep, the baselines and the null-engines run.</summary>
internal sealed record LoadReport(
    string Machine,
    string Date,
    string Commit,
    string Corpus,
    double StepSeconds,
    double? BareCpuPerAudioSecond,
    IReadOnlyList<LoadStep> Steps,
    LoadStep? NullEngines)
{
    public const double LatencyTargetMs = 800;

    /// <summary>The most conversations whose p95 end of speech to final stayed within the target, with none lost.</summary>
    public int? Capacity => Steps
        .Where(s => s.LostUtterances == 0 && s.FailedConversations == 0
            && Statistics.Of(s.Utterances.Select(u => u.EndOfSpeechToFinalMs)) is { P95: <= LatencyTargetMs })
        .Select(s => (int?)s.Conversations)
        .Max();

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        Line(md, "# Load: concurrent conversations on one machine");
        Line(md, "");
        Line(md, $"Machine: {Machine}. Date: {Date}. Commit: {Commit}. Corpus: {Corpus}.");
        Line(md, $"Each conversation says the corpus clips in turn (a different first clip per speaker), each followed by as much silence (half the time speaking), at real-time pace in 100 ms messages, with Partial, TextToSpeech and TimingInfo, to=es, for about {StepSeconds:F0} s. The server runs as its own process; its CPU counts its child processes (Apertium).");
        Line(md, "");
        Line(md, "| conversations | utterances | lost | failed | end of speech to final p50 / p95 / p99 | endpoint to final p50 / p95 (server) | first partial p50 / p95 | final to TTS p50 / p95 | longest partial gap p50 / p95 | server CPU per audio s | vs bare engines | memory per conversation | WER |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var step in Steps)
        {
            var u = step.Utterances.ToList();
            var errors = step.Clips.Aggregate(default(ErrorCounts), (sum, c) => sum + c.Errors);
            Line(md, $"| {step.Conversations} | {u.Count} | {step.LostUtterances} | {step.FailedConversations} | {Triple(u.Select(x => x.EndOfSpeechToFinalMs))} | {Ms(step.EndpointToFinalMedianMs)} / {Ms(step.EndpointToFinalP95Ms)} | {Pair(u.Where(x => x.FirstPartialMs is not null).Select(x => x.FirstPartialMs!.Value))} | {Pair(u.Where(x => x.FinalToAudioMs is not null).Select(x => x.FinalToAudioMs!.Value))} | {Pair(u.Where(x => x.LongestPartialGapMs is not null).Select(x => x.LongestPartialGapMs!.Value))} | {step.CpuPerAudioSecond:F3} | {Ratio(step.CpuPerAudioSecond)} | {step.MemoryPerConversationBytes / 1048576:F1} MB | {errors.Rate:P1} |");
        }

        Line(md, "");
        Line(md, Capacity is { } capacity
            ? $"**Capacity: {capacity} concurrent conversations** keep p95 end of speech to final within {LatencyTargetMs:F0} ms with no lost utterance (largest such step of the sweep)."
            : $"**Capacity: no step** kept p95 end of speech to final within {LatencyTargetMs:F0} ms with no lost utterance.");
        Line(md, BareCpuPerAudioSecond is { } bare
            ? $"Bare engines (the same audio through the same engine calls in one loop, no server): {bare:F3} CPU s per audio s."
            : "Bare engines: not measured in this run.");
        if (NullEngines is { } nul)
        {
            var rt = Statistics.Of(nul.PartialRoundTripsMs);
            Line(md, "");
            Line(md, "## Null engines (gateway, session grain and Orleans alone)");
            Line(md, "");
            Line(md, "Engines replaced by constant-time stand-ins (benchmark flag only): loudness VAD, a recognizer whose hypothesis changes on every chunk, echo translation, 300 ms of silence as speech.");
            Line(md, "");
            Line(md, "| conversations | failed | partial round trip p50 / p95 / p99 | server CPU per audio s | memory per conversation |");
            Line(md, "|---|---|---|---|---|");
            Line(md, $"| {nul.Conversations} | {nul.FailedConversations} | {(rt is null ? "-" : $"{rt.Median:F0} / {rt.P95:F0} / {rt.P99:F0} ms")} | {nul.CpuPerAudioSecond:F4} | {nul.MemoryPerConversationBytes / 1024:F0} KB |");
            Line(md, "");
            Line(md, "Round trip: a partial's arrival minus when the client sent the 100 ms message holding the last sample the partial covers (gateway, session grain, workers, and back).");
            foreach (var error in nul.Errors)
            {
                Line(md, $"- error seen: {error}");
            }
        }

        Line(md, "");
        Line(md, "Definitions: *end of speech to final*, the final's arrival minus when the client sent the message holding the utterance's last speech sample (energy-based, from the audio); *endpoint to final*, the server's histogram from the end-of-utterance decision to the final published (bucket-interpolated); *first partial*, first partial's arrival minus when the first speech sample was sent; *final to TTS*, final's arrival to its audio's arrival; *longest partial gap*, the longest wait between consecutive partials of an utterance; *lost*, a clip with no non-empty final; *memory per conversation*, the server's peak resident memory during the step minus before it, divided by the conversations.");
        Line(md, "");
        Line(md, "![latency CDF](load-latency-cdf.svg) ![against concurrency](load-concurrency.svg)");
        foreach (var error in Steps.SelectMany(s => s.Errors).Distinct())
        {
            Line(md, $"- error seen: {error}");
        }

        return md.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    private string Ratio(double cpu) => BareCpuPerAudioSecond is { } bare && bare > 0 ? (cpu / bare).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";

    private static string Triple(IEnumerable<double> values) =>
        Statistics.Of(values) is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Median:F0} / {s.P95:F0} / {s.P99:F0} ms") : "-";

    private static string Pair(IEnumerable<double> values) =>
        Statistics.Of(values) is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Median:F0} / {s.P95:F0} ms") : "-";

    private static string Ms(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "-";

    private static void Line(StringBuilder md, string text) => md.AppendLine(text);
}
