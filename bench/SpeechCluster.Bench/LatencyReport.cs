using System.Globalization;
using System.Text;
using System.Text.Json;
using SpeechCluster.Bench.Conversations;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench;

/// <summary>The latency and quality report of one benchmark run, as markdown and JSON.</summary>
internal sealed record LatencyReport(
    string Machine,
    string Date,
    string Commit,
    string Corpus,
    int Runs,
    IReadOnlyList<ClipOutcome> Clips,
    IReadOnlyList<double> EndpointToFinalMs,
    IReadOnlyList<double> ServerFinalToAudioMs)
{
    private IEnumerable<UtteranceTiming> Utterances => Clips.SelectMany(c => c.Utterances);

    public string ToMarkdown()
    {
        var errors = Clips.Aggregate(default(ErrorCounts), (sum, c) => sum + c.Errors);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Latency and quality, one conversation at a time");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}. Date: {Date}. Commit: {Commit}. Corpus: {Corpus}, {Clips.Count / Runs} clips x {Runs} run(s).");
        md.AppendLine("Embedded engines, default settings (400 ms end-of-utterance silence); each clip streamed at real-time pace in 100 ms messages, then 2 s of silence; features Partial, TextToSpeech, TimingInfo; to=es.");
        md.AppendLine();
        md.AppendLine("| measure | definition | n | median | p90 | max |");
        md.AppendLine("|---|---|---|---|---|---|");
        Row(md, "end of speech to final", "final received minus when the client sent the 100 ms message holding the utterance's last speech sample (energy-based)", Utterances.Select(u => u.EndOfSpeechToFinalMs));
        Row(md, "endpoint decision to final", "server: end-of-utterance decision to the final published (session metric)", EndpointToFinalMs);
        Row(md, "final to first TTS byte", "client: final received to its spoken translation received", Utterances.Where(u => u.FinalToAudioMs is not null).Select(u => u.FinalToAudioMs!.Value));
        Row(md, "final to TTS (server)", "server: final published to its first audio published", ServerFinalToAudioMs);
        Row(md, "first partial", "first partial received minus when the client sent the first speech sample", Utterances.Where(u => u.FirstPartialMs is not null).Select(u => u.FirstPartialMs!.Value));
        Row(md, "partial cadence", "longest gap between consecutive partials of an utterance", Utterances.Where(u => u.LongestPartialGapMs is not null).Select(u => u.LongestPartialGapMs!.Value));
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"WER of the served finals: **{errors.Rate:P1}** ({errors.Substitutions} substitutions, {errors.Deletions} deletions, {errors.Insertions} insertions, {errors.ReferenceWords} reference words; lower-cased, punctuation removed, numbers as written).");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Finals: {Clips.Sum(c => c.Finals)}; finals with a spoken translation: {Clips.Sum(c => c.AudioSegments)}; failed conversations: {Clips.Count(c => c.Error is not null)}.");
        foreach (var failed in Clips.Where(c => c.Error is not null))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {failed.Clip} failed: {failed.Error}");
        }

        md.AppendLine();
        md.AppendLine("| clip | seconds | WER | finals | recognized (served) | Spanish (served) |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var clip in Clips.Take(Clips.Count / Runs))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {clip.Clip} | {clip.Seconds:F1} | {clip.Errors.Rate:P0} | {clip.Finals} | {Escape(clip.Hypothesis)} | {Escape(string.Join(" ", clip.Translations))} |");
        }

        return md.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    private static void Row(StringBuilder md, string name, string definition, IEnumerable<double> values)
    {
        var s = Statistics.Of(values);
        md.AppendLine(s is null
            ? $"| {name} | {definition} | 0 | - | - | - |"
            : string.Create(CultureInfo.InvariantCulture, $"| {name} | {definition} | {s.Count} | {s.Median:F0} ms | {s.P90:F0} ms | {s.Max:F0} ms |"));
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
