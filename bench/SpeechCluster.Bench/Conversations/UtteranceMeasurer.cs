using System.Diagnostics;
using SpeechCluster.Client;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench.Conversations;

/// <summary>Turns a conversation record into per-clip outcomes: words, latencies, lost utterances.</summary>
internal static class UtteranceMeasurer
{
    public static IReadOnlyList<ClipOutcome> Measure(ConversationRecord record)
    {
        var finals = record.Received.Where(r => r.Event is TranslationResult { IsFinal: true }).ToList();
        var outcomes = new List<ClipOutcome>();
        foreach (var (clip, start) in record.Clips)
        {
            var end = start + clip.Samples.Length;
            var mine = finals.Where(f => Overlaps((TranslationResult)f.Event, start, end)).ToList();
            var timings = mine.Select(f => Time(record, f.At, (TranslationResult)f.Event, clip.Id)).OfType<UtteranceTiming>().ToList();
            var results = mine.Select(f => (TranslationResult)f.Event).ToList();
            var hypothesis = string.Join(' ', results.Select(r => r.Recognition));
            var lost = results.Count == 0 || results.All(r => r.Recognition.Length == 0);
            outcomes.Add(new ClipOutcome(clip.Id, clip.Seconds, clip.Reference, hypothesis, WordErrorRate.Count(clip.Reference, hypothesis),
                results.Count, results.Count(r => AudioFollows(record, r)), results.Select(r => r.Translation ?? "").ToList(), timings,
                Lost: lost, Error: lost && results.Count == 0 ? Whereabouts(finals, start, end) : null));
        }

        return outcomes;
    }

    /// <summary>For a clip no final covers: where the conversation's finals lie, in seconds of its stream (to tell a late final from a misplaced one).</summary>
    private static string Whereabouts(IEnumerable<(long At, TranslationEvent Event)> finals, long start, long end) =>
        $"no final overlaps {start / 16000.0:F2}-{end / 16000.0:F2} s; the conversation's finals: "
        + string.Join(", ", finals.Select(f => (TranslationResult)f.Event)
            .Select(f => $"{(f.AudioTimeOffset ?? 0) / 1e7:F2}+{(f.AudioTimeSize ?? 0) / 1e7:F2} s '{f.Recognition[..Math.Min(20, f.Recognition.Length)]}'"));

    private static bool Overlaps(TranslationResult final, long start, long end)
    {
        var spanStart = (final.AudioTimeOffset ?? 0) / 625;
        var spanEnd = spanStart + ((final.AudioTimeSize ?? 0) / 625);
        return spanStart < end && spanEnd > start;
    }

    private static UtteranceTiming? Time(ConversationRecord record, long arrived, TranslationResult final, string clip)
    {
        var spanStart = (final.AudioTimeOffset ?? 0) / 625;
        var spanEnd = spanStart + ((final.AudioTimeSize ?? 0) / 625);
        if (final.Recognition.Length == 0 || SpeechActivity.Within(record.Audio, spanStart, spanEnd) is not { } speech)
        {
            return null;
        }

        bool OfThis(TranslationEvent e) => e is TranslationResult { IsPartial: true } p && p.Id.StartsWith(final.Id + ".", StringComparison.Ordinal);
        var partials = record.Received.Where(r => OfThis(r.Event)).Select(r => r.At).ToList();
        var index = record.Received.ToList().FindIndex(r => ReferenceEquals(r.Event, final));
        var audio = record.Received.Skip(index + 1).FirstOrDefault(r => r.Event is TranslationAudio);
        return new UtteranceTiming(
            clip,
            final.Id,
            Milliseconds(record.SentAtSample(speech.End - 1), arrived),
            partials.Count == 0 ? null : Milliseconds(record.SentAtSample(speech.Start), partials[0]),
            audio.Event is null ? null : Milliseconds(arrived, audio.At),
            partials.Count > 1 ? partials.Zip(partials.Skip(1), Milliseconds).Max() : null,
            partials.Zip(partials.Skip(1), Milliseconds).ToList(),
            (speech.End - speech.Start) / 16000.0,
            record.SentAtSample(speech.End - 1),
            arrived);
    }

    private static bool AudioFollows(ConversationRecord record, TranslationResult final)
    {
        var events = record.Received.Select(r => r.Event).ToList();
        var index = events.IndexOf(final);
        return index >= 0 && index + 1 < events.Count && events[index + 1] is TranslationAudio;
    }

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}

internal sealed record UtteranceTiming(
    string Clip,
    string Id,
    double EndOfSpeechToFinalMs,
    double? FirstPartialMs,
    double? FinalToAudioMs,
    double? LongestPartialGapMs,
    IReadOnlyList<double> PartialGapsMs,
    double SpeechSeconds,
    long EndOfSpeechAt,
    long ArrivedAt);

internal sealed record ClipOutcome(
    string Clip,
    double Seconds,
    string Reference,
    string Hypothesis,
    ErrorCounts Errors,
    int Finals,
    int AudioSegments,
    IReadOnlyList<string> Translations,
    IReadOnlyList<UtteranceTiming> Utterances,
    bool Lost = false,
    string? Error = null)
{
    /// <summary>A conversation that broke: all its reference words count as deleted.</summary>
    public static ClipOutcome Failed(Clip clip, string error) => new(clip.Id, clip.Seconds, clip.Reference, "",
        WordErrorRate.Count(clip.Reference, ""), 0, 0, [], [], Lost: true, error);
}
