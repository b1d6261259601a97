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
    BareBaseline? Bare,
    IReadOnlyList<LoadStep> Steps,
    IReadOnlyList<LoadStep> NullEngines,
    IReadOnlyList<int> NotRun)
{
    /// <summary>A step this far past the latency target is saturated: larger ones are not run (they only take longer).</summary>
    public const double SaturatedFactor = 5;

    public const double LatencyTargetMs = 800;
    private const int CapacityTarget = 16;
    private const double OverheadTarget = 1.10;
    private const int NullConversationsTarget = 2000;
    private const double NullRoundTripTargetMs = 50;
    private const double NullMemoryTargetKb = 150;
    private const double PartialCadenceTargetMs = 300;

    /// <summary>The most conversations whose p95 end of speech to final stayed within the target, with none lost.</summary>
    public int? Capacity => Steps
        .Where(s => Lost(s) == 0 && s.FailedConversations == 0
            && Statistics.Of(s.Utterances.Select(u => u.EndOfSpeechToFinalMs)) is { P95: <= LatencyTargetMs })
        .Select(s => (int?)s.Conversations)
        .Max();

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        Line(md, "# Load: concurrent conversations on one machine");
        Line(md, "");
        Line(md, $"Machine: {Machine}. Date: {Date}. Commit: {Commit}. Corpus: {Corpus}.");
        Line(md, $"Each conversation says the corpus clips in turn (a different first clip per speaker), each followed by as much silence (half the time speaking) except the last, followed by 2 s, at real-time pace in 100 ms messages, with Partial, TextToSpeech and TimingInfo, to=es, for about {StepSeconds:F0} s. The server runs as its own process; its CPU counts its child processes (Apertium).");
        Line(md, "");
        Line(md, "Before the sweep an unmeasured warm-up of about 10 s with the four shortest clips at the first step's concurrency (JIT, first decoders), as a server that has been up a while has behind it.");
        Line(md, "");
        Line(md, "| conversations | utterances | lost | failed | end of speech to final p50 / p95 / p99 | endpoint to final p50 / p95 (server) | first partial p50 / p95 | final to TTS p50 / p95 | partial gap p50 / p95 | longest partial gap p50 / p95 | server CPU per audio s | vs bare engines on the same audio (theirs) | cores: server / load generator | memory per conversation | WER |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var step in Steps)
        {
            var u = step.Utterances.ToList();
            var errors = step.Clips.Aggregate(default(ErrorCounts), (sum, c) => sum + c.Errors);
            Line(md, $"| {step.Conversations} | {u.Count} | {Lost(step)}{(Lost(step) != step.LostUtterances ? $" (+{step.LostUtterances - Lost(step)})" : "")} | {step.FailedConversations} | {Triple(u.Select(x => x.EndOfSpeechToFinalMs))} | {Ms(step.EndpointToFinalMedianMs)} / {Ms(step.EndpointToFinalP95Ms)} | {Pair(u.Where(x => x.FirstPartialMs is not null).Select(x => x.FirstPartialMs!.Value))} | {Pair(u.Where(x => x.FinalToAudioMs is not null).Select(x => x.FinalToAudioMs!.Value))} | {Pair(u.SelectMany(x => x.PartialGapsMs))} | {Pair(u.Where(x => x.LongestPartialGapMs is not null).Select(x => x.LongestPartialGapMs!.Value))} | {step.CpuPerAudioSecond:F3} | {Ratio(step)} | {step.ServerCores:F2} / {step.GeneratorCores:F2} | {step.MemoryPerConversationBytes / 1048576:F1} MB | {errors.Rate:P1} |");
        }

        if (NotRun.Count > 0)
        {
            Line(md, "");
            Line(md, $"Not run: {string.Join(", ", NotRun)} conversations. The step before had p95 end of speech to final past {SaturatedFactor:F0}x the {LatencyTargetMs:F0} ms target: the machine was saturated, and more conversations would only wait longer.");
        }

        Line(md, "");
        Line(md, Capacity is { } capacity
            ? $"**Capacity: {capacity} concurrent conversations** keep p95 end of speech to final within {LatencyTargetMs:F0} ms with no lost utterance (largest such step of the sweep)."
            : $"**Capacity: no step** kept p95 end of speech to final within {LatencyTargetMs:F0} ms with no lost utterance.");
        if (Bare is { } bare)
        {
            Line(md, $"Bare engines: each step's own audio (its conversations' clips and pauses; {SpeakingShare:P0} of it clips) through the same engine calls as a session makes, in one loop per conversation, all at once, no server, measured while the server stood idle just before the step. The loops have as many decoders working side by side as the server has, competing for the cores and their caches, so the ratio is what the cluster adds. (Earlier reports compared against the whole corpus said once in one loop: 50 % clips, cheaper audio and no competing decoders, which made the server look dearer than it is: load-analysis.md section 2.)");
            if (bare.Unheard.Count > 0)
            {
                Line(md, $"They recognise no word in {bare.Unheard.Count} clip(s) ({string.Join(", ", bare.Unheard)}): a final without words for those is PocketSphinx's miss, so *lost* leaves them out.");
            }
        }
        else
        {
            Line(md, "Bare engines: not measured in this run.");
        }

        WriteNullEngines(md);
        WriteTargets(md);

        Line(md, "");
        Line(md, "Definitions: *end of speech to final*, the final's arrival minus when the client sent the message holding the utterance's last speech sample (energy-based, from the audio); *endpoint to final*, the server's histogram from the end-of-utterance decision to the final published (bucket-interpolated); *first partial*, first partial's arrival minus when the first speech sample was sent; *final to TTS*, final's arrival to its audio's arrival; *partial gap*, each wait between consecutive partials of an utterance (the cadence; a partial goes out only when the hypothesis changed); *longest partial gap*, the longest such wait per utterance; *cores*, CPU seconds over the step's wall time, for the server (with Apertium) and for the load generator beside it; *lost*, a clip with no non-empty final, counted only among the clips the bare engines recognise words in (in brackets, the clips lost that the bare engines hear nothing in either); *memory per conversation*, the server's peak resident memory during the step minus before it, divided by the conversations.");
        Line(md, "");
        Line(md, "![latency CDF](load-latency-cdf.svg) ![against concurrency](load-concurrency.svg)");
        foreach (var error in Steps.SelectMany(s => s.Errors).Distinct())
        {
            Line(md, $"- error seen: {error}");
        }

        return md.ToString();
    }

    /// <summary>
    /// The report as JSON. The null-engines steps leave out their clips: the stand-in recognizer's words mean
    /// nothing, and thousands of conversations' clips made the file megabytes long.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(
        this with { NullEngines = [.. NullEngines.Select(n => n with { Clips = [] })] },
        new JsonSerializerOptions { WriteIndented = true });

    private void WriteNullEngines(StringBuilder md)
    {
        if (NullEngines.Count == 0)
        {
            return;
        }

        Line(md, "");
        Line(md, "## Null engines (gateway, session grain and Orleans alone)");
        Line(md, "");
        Line(md, "Engines replaced by constant-time stand-ins (benchmark flag only): loudness VAD, a recognizer whose hypothesis changes on every chunk, echo translation, 300 ms of silence as speech. A fresh server per step, warmed up first by up to 50 conversations saying the four shortest clips for about 4 s (not counted), then a 10 s ramp and 15 s of audio per conversation. The load generator runs on the same cores. Memory per conversation: the step's peak minus before it, divided by the conversations, for the resident set, for the GC heap after its last collection (live objects and fragmentation) and for the memory the GC had committed; what is resident but not committed by the GC lies outside the managed heap (thread stacks, native buffers, the runtime).");
        Line(md, "");
        Line(md, "| conversations | failed | partial round trip p50 / p95 / p99 | server CPU per audio s | cores: server / load generator | memory per conversation: resident / GC heap / GC committed |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var nul in NullEngines)
        {
            var rt = Statistics.Of(nul.PartialRoundTripsMs);
            Line(md, $"| {nul.Conversations} | {nul.FailedConversations} | {(rt is null ? "-" : $"{rt.Median:F0} / {rt.P95:F0} / {rt.P99:F0} ms")} | {nul.CpuPerAudioSecond:F4} | {nul.ServerCores:F2} / {nul.GeneratorCores:F2} | {nul.MemoryPerConversationBytes / 1024:F0} / {nul.GcHeapPerConversationBytes / 1024:F0} / {nul.GcCommittedPerConversationBytes / 1024:F0} KB |");
        }

        Line(md, "");
        Line(md, "Round trip: a partial's arrival minus when the client sent the 100 ms message holding the last sample the partial covers (gateway, session grain, workers, and back).");
        foreach (var error in NullEngines.SelectMany(n => n.Errors).Distinct())
        {
            Line(md, $"- error seen: {error}");
        }
    }

    /// <summary>Each target of the issue beside what this run measured; the analysis of the misses is load-analysis.md.</summary>
    private void WriteTargets(StringBuilder md)
    {
        Line(md, "");
        Line(md, "## Targets");
        Line(md, "");
        Line(md, "| target | measured | |");
        Line(md, "|---|---|---|");
        if (Steps.Count > 0)
        {
            Line(md, $"| at least {CapacityTarget} conversations with p95 end of speech to final <= {LatencyTargetMs:F0} ms, none lost | {Capacity?.ToString(CultureInfo.InvariantCulture) ?? "none of the steps"} | {Verdict(Capacity >= CapacityTarget)} |");
            var reference = Steps.Where(s => s.Conversations <= (Capacity ?? Steps[0].Conversations)).MaxBy(s => s.Conversations) ?? Steps[0];
            if (Bare?.For(reference.Conversations) is { } bare)
            {
                var ratio = reference.CpuPerAudioSecond / bare.CpuPerAudioSecond;
                Line(md, $"| server CPU per audio s <= {OverheadTarget:F2}x the bare engines | {ratio:F2}x at {reference.Conversations} conversations (against the engines alone on the same audio) | {Verdict(ratio <= OverheadTarget)} |");
            }

            var gaps = Statistics.Of(reference.Utterances.SelectMany(u => u.PartialGapsMs));
            Line(md, $"| partial cadence <= {PartialCadenceTargetMs:F0} ms while speech goes on | median gap {gaps?.Median:F0} ms, p95 {gaps?.P95:F0} ms at {reference.Conversations} conversations | {Verdict(gaps?.Median <= PartialCadenceTargetMs)} |");
        }

        if (NullEngines.MaxBy(n => n.Conversations) is { } top)
        {
            var rt = Statistics.Of(top.PartialRoundTripsMs);
            var met = top.Conversations >= NullConversationsTarget && top.FailedConversations == 0 && rt?.P99 <= NullRoundTripTargetMs
                && top.MemoryPerConversationBytes / 1024 <= NullMemoryTargetKb;
            Line(md, $"| null engines: {NullConversationsTarget} conversations, p99 round trip <= {NullRoundTripTargetMs:F0} ms, <= {NullMemoryTargetKb:F0} KB each | {top.Conversations} with {top.FailedConversations} failed, p99 {rt?.P99:F0} ms, {top.MemoryPerConversationBytes / 1024:F0} KB | {Verdict(met)} |");
        }

        Line(md, "");
        Line(md, "Why the missed ones are missed, with the profile that shows it: [load-analysis.md](load-analysis.md).");
    }

    /// <summary>The share of the steps' audio that is clips rather than pauses.</summary>
    private double SpeakingShare => Steps.Sum(s => s.ClipSeconds) / Math.Max(Steps.Sum(s => s.AudioSeconds), 1e-9);

    private static string Verdict(bool? met) => met == true ? "met" : "missed";

    /// <summary>
    /// Clips without a final with words, among those the bare engines recognise: a clip they hear no
    /// word of (a long quiet one, say) is the recognizer's miss, not the server's loss.
    /// </summary>
    private int Lost(LoadStep step) =>
        step.Clips.Count(c => c.Lost && !(Bare?.Unheard.Contains(c.Clip) ?? false));

    private string Ratio(LoadStep step) => Bare?.For(step.Conversations) is { } bare
        ? string.Create(CultureInfo.InvariantCulture, $"{step.CpuPerAudioSecond / bare.CpuPerAudioSecond:F2}x ({bare.CpuPerAudioSecond:F3})")
        : "-";

    private static string Triple(IEnumerable<double> values) =>
        Statistics.Of(values) is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Median:F0} / {s.P95:F0} / {s.P99:F0} ms") : "-";

    private static string Pair(IEnumerable<double> values) =>
        Statistics.Of(values) is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Median:F0} / {s.P95:F0} ms") : "-";

    private static string Ms(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "-";

    private static void Line(StringBuilder md, string text) => md.AppendLine(text);
}

/// <summary>The engines without the server, over the audio of each step.</summary>
/// <param name="Runs">Per step, the engines over that step's audio, one loop per conversation at once.</param>
/// <param name="Unheard">Clips the engines alone recognise no word of: no server can give them a final with words.</param>
internal sealed record BareBaseline(IReadOnlyList<BareRun> Runs, IReadOnlyList<string> Unheard)
{
    /// <summary>The baseline of a step.</summary>
    public BareRun? For(int conversations) => Runs.FirstOrDefault(r => r.Conversations == conversations);
}

/// <param name="Conversations">The step whose audio the engines processed, in as many loops at once.</param>
internal sealed record BareRun(int Conversations, double AudioSeconds, double CpuSeconds)
{
    public double CpuPerAudioSecond => CpuSeconds / AudioSeconds;
}
