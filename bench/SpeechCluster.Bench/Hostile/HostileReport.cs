using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpeechCluster.Bench.Hostile;

/// <summary>The hostile-clients report: idle connections, clients that never read, a connect storm.</summary>
internal sealed record HostileReport(
    string Machine,
    string Date,
    string Commit,
    string Corpus,
    IReadOnlyDictionary<string, string> Settings,
    double TotalSeconds,
    IdleResult Idle,
    IReadOnlyList<NonReadingResult> NonReading,
    StormPhaseResult Storm,
    IReadOnlyList<double[]> ServerMemoryMbPerSecond)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        Line(md, "# Hostile and broken clients: server memory and a connect storm");
        Line(md, "");
        Line(md, $"Machine: {Machine}. Date: {Date}. Commit: `{Commit}`. Corpus: {Corpus}. Whole run: {TotalSeconds:F0} s.");
        Line(md, "The real gateway (embedded silo and engines) as its own process on loopback; the load generator (this benchmark) runs on the same machine, so its CPU is given beside the server's. Memory is the server process's resident set (VmRSS), sampled every 250 ms. Regenerate: `dotnet bench/SpeechCluster.Bench/bin/Release/net10.0/SpeechCluster.Bench.dll hostile` (options: `--help`).");
        Line(md, "");
        Line(md, "Server settings for the run (all others at their defaults):");
        Line(md, "");
        foreach (var (name, value) in Settings)
        {
            Line(md, $"- `{name}` = `{value}`");
        }

        IdleSection(md);
        NonReadingSection(md);
        StormSection(md);
        return md.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    private void IdleSection(StringBuilder md)
    {
        var i = Idle;
        Line(md, "");
        Line(md, $"## {i.Attempted} idle connections");
        Line(md, "");
        Line(md, $"Each finishes the WebSocket handshake and sends nothing (not even the WAV header), {IdlePhase.ConnectConcurrency} upgrades in flight at once; all are held, then dropped. Held {i.HeldForSeconds:F0} s from the first connect, under the gateway's `IdleTimeout` (2 minutes, not changed), so none was closed by it.");
        Line(md, "");
        Line(md, "| measure | value |");
        Line(md, "|---|---|");
        Line(md, $"| opened / refused | {i.Opened} / {Describe(i.Refused)} |");
        Line(md, $"| time to open them all | {i.ConnectSeconds:F1} s |");
        Line(md, $"| server memory before (median of 3 s) | {Mb(i.BaselineBytes)} |");
        Line(md, $"| server memory while all were held (median of the hold) | {Mb(i.HeldBytes)} |");
        Line(md, $"| server memory peak | {Mb(i.PeakBytes)} |");
        Line(md, $"| per idle connection (held minus before, divided by those opened) | {i.BytesPerConnection / 1024:F1} KB |");
        Line(md, $"| server memory 5 s after they were dropped | {Mb(i.AfterBytes)} |");
        Line(md, $"| CPU, server / load generator (opening and holding) | {Cpu(i.Cpu)} |");
    }

    private void NonReadingSection(StringBuilder md)
    {
        var n = NonReading[0];
        Line(md, "");
        Line(md, $"## {n.Clients} clients that stream speech and never read");
        Line(md, "");
        Line(md, $"Each connects with Partial and TextToSpeech (so the server has results and audio files to send), sends the WAV header and then the corpus clips at real-time pace in 100 ms messages (each clip followed by as much silence), and never reads. The clients start over 5 s; each asks for a {NonReadingPhase.ReceiveBuffer / 1024} KiB socket receive buffer (the kernel doubles it), so that the server's sends block after tens of kilobytes. The server aborts a connection once one result has waited `SendTimeout` for it; the client sees that as its next send failing. The dropped conversation is then kept for `ResumeWindow`. The phase ends when every client was aborted or after its cap; then the server is left alone for {n.QuietSeconds:F0} s (longer than the resume window).");
        Line(md, "");
        Line(md, "| measure | value |");
        Line(md, "|---|---|");
        Line(md, $"| connected / refused | {n.Connected} / {Describe(n.Refused)} |");
        Line(md, $"| aborted by the server | {n.AbortedByServer} of {n.Connected}; the first {Seconds(n.FirstAbortSeconds)}, the last {Seconds(n.LastAbortSeconds)} after the first client started |");
        Line(md, $"| server memory before (median of 3 s) | {Mb(n.BaselineBytes)} |");
        Line(md, $"| server memory steady (median from the last client connected to the first abort) | {(n.SteadyBytes is { } steady ? Mb(steady) : "- (under 2 s between them)")} |");
        Line(md, $"| server memory peak | {Mb(n.PeakBytes)} (+{Mb(n.PeakBytes - n.BaselineBytes)}, {(n.PeakBytes - n.BaselineBytes) / 1024.0 / Math.Max(1, n.Connected):F0} KB per client) |");
        Line(md, $"| server memory after (median of the last {n.QuietSeconds:F0} s, all conversations gone) | {Mb(n.AfterBytes)} ({Signed(n.AfterBytes - n.BaselineBytes)} against before) |");
        Line(md, $"| CPU, server / load generator (while streaming) | {Cpu(n.Cpu)} |");
        Line(md, "");
        Line(md, $"{n.Clients} real-time conversations may be more than the machine's engines keep up with (see load.md); the server is then overloaded: results come late, and the memory includes the audio and work queued behind the engines. A connection is aborted only once the server has a result it cannot send, which takes tens of kilobytes (a spoken translation is about 100 KB): a client still open at the cap had been sent too little to block on (mostly partials, a few hundred bytes each). The resident set does not shrink to what is still used at once (the .NET GC keeps freed memory for a while), so *after* is an upper bound.");
        if (NonReading.Count > 1)
        {
            Line(md, "");
            Line(md, "The same clients came again (each round after the one before had gone and the server had been left alone), to tell memory leaked per round from a high-water mark that later rounds reuse:");
            Line(md, "");
            Line(md, "| round | aborted by the server | before | peak | after | after minus before |");
            Line(md, "|---|---|---|---|---|---|");
            foreach (var (round, r) in NonReading.Select((r, i) => (i + 1, r)))
            {
                Line(md, $"| {round} | {r.AbortedByServer} of {r.Connected} | {Mb(r.BaselineBytes)} | {Mb(r.PeakBytes)} | {Mb(r.AfterBytes)} | {Signed(r.AfterBytes - r.BaselineBytes)} |");
            }
        }

        if (n.Connected - n.AbortedByServer is > 0 and var open)
        {
            Line(md, "");
            Line(md, $"**{open} of {n.Connected} clients were still connected when the phase's cap ended them**: the server had not blocked on a send to them yet.");
        }
    }

    private void StormSection(StringBuilder md)
    {
        var s = Storm;
        var storm = s.Storm;
        Line(md, "");
        Line(md, $"## A connect storm of {storm.Attempts} attempts beside {s.HealthyConversations} healthy conversations");
        Line(md, "");
        Line(md, $"{s.HealthyConversations} conversations say the corpus clips at real-time pace (the load run's conversations: Partial, TextToSpeech, TimingInfo, to=es) for {s.HealthySeconds:F0} s, once alone (baseline) and once with the storm starting {s.StormStartSeconds:F0} s in. The storm: {storm.Attempts} attempts, at most {storm.Concurrency} in flight; every {ConnectStorm.HalfOpenEvery}th connects and sends only the request line and one header (a slowloris: Kestrel answers it after `RequestHeadersTimeout`, 10 s); the others ask for an upgrade, alternately as tenant `{ConnectStorm.QuotaTenant}` (its own conversation quota) and `{ConnectStorm.OpenTenant}` (none). Accepted connections are held, silent, until every attempt has had its answer, so the gateway fills up to `MaxConnections`.");
        Line(md, "");
        Line(md, "| measure | value |");
        Line(md, "|---|---|");
        Line(md, $"| time to shed the storm (first attempt to the last answer) | {storm.ShedSeconds:F1} s; the attempts that sent a whole request: {storm.CompleteRequestsShedSeconds:F1} s |");
        Line(md, $"| answer time p50 / p95 / max | {Triple(storm.AnswerSeconds, "s", 2)} |");
        Line(md, $"| outcomes, `{ConnectStorm.QuotaTenant}` | {storm.Describe(ConnectStorm.QuotaTenant)} |");
        Line(md, $"| outcomes, `{ConnectStorm.OpenTenant}` | {storm.Describe(ConnectStorm.OpenTenant)} |");
        Line(md, $"| outcomes, half-open | {storm.Describe("half-open")} |");
        Line(md, $"| healthy: end of speech to final, baseline p50 / p95 / max | {Triple(s.BaselineLatency, "ms", 0)} |");
        Line(md, $"| healthy: the same, run with the storm | {Triple(s.WithStormLatency, "ms", 0)} |");
        Line(md, $"| healthy: the same, speech ended during the storm | {Triple(s.InStormLatency, "ms", 0)} |");
        Line(md, $"| healthy: lost utterances, baseline / with the storm; failed conversations | {s.BaselineLostUtterances} / {s.WithStormLostUtterances}; {s.FailedConversations} |");
        Line(md, $"| server memory peak during the storm run | {Mb(s.PeakBytes)} |");
        Line(md, $"| CPU, server / load generator (storm run) | {Cpu(s.Cpu)} |");
        Line(md, "");
        Line(md, "Definitions: *answer*, for an upgrade the HTTP status (101 accepted, 429 the tenant's quota, 503 the gateway full), a reset, a close without a response, or none within 60 s; for a half-open client the status of what Kestrel sent before closing. *End of speech to final*: the final's arrival minus when the client sent the 100 ms message holding the utterance's last speech sample (energy-based), as in load.md; n is the number of utterances.");
        foreach (var error in s.Errors)
        {
            Line(md, $"- error seen by a healthy conversation: {error}");
        }
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";

    private static string Signed(long bytes) => (bytes >= 0 ? "+" : "-") + Mb(Math.Abs(bytes));

    private static string Seconds(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) + " s" : "-";

    private static string Cpu(CpuUse cpu) => string.Create(CultureInfo.InvariantCulture,
        $"{cpu.ServerSeconds:F1} / {cpu.GeneratorSeconds:F1} CPU s over {cpu.WallSeconds:F0} s ({cpu.ServerCores:F2} / {cpu.GeneratorCores:F2} cores)");

    private static string Triple(Statistics? s, string unit, int decimals) => s is null ? "- (n = 0)" : string.Create(CultureInfo.InvariantCulture,
        $"{s.Median.ToString("F" + decimals, CultureInfo.InvariantCulture)} / {s.P95.ToString("F" + decimals, CultureInfo.InvariantCulture)} / {s.Max.ToString("F" + decimals, CultureInfo.InvariantCulture)} {unit} (n = {s.Count})");

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} × {c.Key}")));

    private static void Line(StringBuilder md, string text) => md.AppendLine(text);
}
