using System.Diagnostics;
using SpeechCluster.Client;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench;

/// <summary>
/// Streams one clip at real-time pace in 100 ms messages (as a microphone client does), followed by
/// silence, and times what comes back against when each piece of audio was sent.
/// </summary>
internal static class ConversationProbe
{
    private const int ChunkSamples = 1600;

    public static async Task<ClipOutcome> RunAsync(Uri server, string key, Clip clip, TimeSpan trailingSilence, CancellationToken cancellationToken)
    {
        var options = new SpeechTranslationOptions
        {
            Server = server,
            SubscriptionKey = key,
            From = "en-US",
            To = ["es"],
            Features = SpeechFeatures.Partial | SpeechFeatures.TextToSpeech | SpeechFeatures.TimingInfo,
            TrailingSilence = TimeSpan.Zero,
        };
        var audio = TestSpeech.Concat(clip.Samples, new short[(int)(trailingSilence.TotalSeconds * 16000)]);
        var received = new List<(long At, TranslationEvent Event)>();
        var sentAt = new List<long>();

        await using var client = await SpeechTranslationClient.ConnectAsync(options, cancellationToken: cancellationToken);
        var reading = Task.Run(async () =>
        {
            await foreach (var e in client.ReadEventsAsync(cancellationToken))
            {
                lock (received)
                {
                    received.Add((Stopwatch.GetTimestamp(), e));
                }
            }
        }, cancellationToken);

        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k * ChunkSamples < audio.Length; k++)
        {
            var due = TimeSpan.FromMilliseconds(100 * k) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var chunk = audio.AsSpan(k * ChunkSamples, Math.Min(ChunkSamples, audio.Length - (k * ChunkSamples)));
            await client.SendAudioAsync(TestSpeech.ToBytes(chunk), cancellationToken);
            sentAt.Add(Stopwatch.GetTimestamp());
        }

        await client.CompleteAsync(cancellationToken);
        await reading;
        return Measure(clip, audio, sentAt, received);
    }

    private static ClipOutcome Measure(Clip clip, short[] audio, List<long> sentAt, List<(long At, TranslationEvent Event)> received)
    {
        var utterances = new List<UtteranceTiming>();
        var finals = received.Where(r => r.Event is TranslationResult { IsFinal: true }).ToList();
        foreach (var (at, e) in finals)
        {
            var final = (TranslationResult)e;
            var spanStart = (final.AudioTimeOffset ?? 0) / 625;
            var spanEnd = spanStart + ((final.AudioTimeSize ?? 0) / 625);
            if (final.Recognition.Length == 0 || SpeechActivity.Within(audio, spanStart, spanEnd) is not { } speech)
            {
                continue;
            }

            var speechEndSent = sentAt[(int)Math.Min((speech.End - 1) / ChunkSamples, sentAt.Count - 1)];
            var speechStartSent = sentAt[(int)Math.Min(speech.Start / ChunkSamples, sentAt.Count - 1)];
            var firstPartial = received.FirstOrDefault(r => r.Event is TranslationResult { IsPartial: true } p && p.Id.StartsWith(final.Id + ".", StringComparison.Ordinal));
            var index = received.FindIndex(r => ReferenceEquals(r.Event, e));
            var audioAfter = received.Skip(index + 1).FirstOrDefault(r => r.Event is TranslationAudio);
            var partials = received.Where(r => r.Event is TranslationResult { IsPartial: true } p && p.Id.StartsWith(final.Id + ".", StringComparison.Ordinal)).Select(r => r.At).ToList();
            utterances.Add(new UtteranceTiming(
                clip.Id,
                final.Id,
                Milliseconds(speechEndSent, at),
                firstPartial.Event is null ? null : Milliseconds(speechStartSent, firstPartial.At),
                audioAfter.Event is null ? null : Milliseconds(at, audioAfter.At),
                partials.Count > 1 ? partials.Zip(partials.Skip(1), Milliseconds).Max() : null,
                (speech.End - speech.Start) / 16000.0));
        }

        var hypothesis = string.Join(' ', finals.Select(f => ((TranslationResult)f.Event).Recognition));
        var translations = finals.Select(f => ((TranslationResult)f.Event).Translation ?? "").ToList();
        var audioSegments = received.Count(r => r.Event is TranslationAudio);
        return new ClipOutcome(clip.Id, clip.Seconds, clip.Reference, hypothesis, WordErrorRate.Count(clip.Reference, hypothesis),
            finals.Count, audioSegments, translations, utterances);
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
    double SpeechSeconds);

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
    string? Error = null)
{
    /// <summary>A conversation that broke: all its reference words count as deleted.</summary>
    public static ClipOutcome Failed(Clip clip, string error) => new(clip.Id, clip.Seconds, clip.Reference, "",
        WordErrorRate.Count(clip.Reference, ""), 0, 0, [], [], error);
}
