using System.Diagnostics;
using SpeechCluster.Client;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench.Conversations;

/// <summary>
/// Plays a script to the server at real-time pace in 100 ms messages, as a microphone client does,
/// recording when each message was sent and when each result arrived (Stopwatch timestamps).
/// </summary>
internal static class ConversationDriver
{
    public const int ChunkSamples = 1600;

    public static async Task<ConversationRecord> RunAsync(Uri server, string key, ConversationScript script, CancellationToken cancellationToken, TimeSpan? closeTimeout = null)
    {
        var options = new SpeechTranslationOptions
        {
            Server = server,
            SubscriptionKey = key,
            From = "en-US",
            To = ["es"],
            Features = SpeechFeatures.Partial | SpeechFeatures.TextToSpeech | SpeechFeatures.TimingInfo,
            TrailingSilence = TimeSpan.Zero,
            CloseTimeout = closeTimeout ?? TimeSpan.FromSeconds(30),
        };
        var (audio, clips) = script.Render();
        var received = new List<(long At, TranslationEvent Event)>();
        var sentAt = new long[(audio.Length + ChunkSamples - 1) / ChunkSamples];

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
        for (var k = 0; k < sentAt.Length; k++)
        {
            var due = TimeSpan.FromMilliseconds(100 * k) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var chunk = audio.AsSpan(k * ChunkSamples, Math.Min(ChunkSamples, audio.Length - (k * ChunkSamples)));
            await client.SendAudioAsync(TestSpeech.ToBytes(chunk), cancellationToken);
            sentAt[k] = Stopwatch.GetTimestamp();
        }

        await client.CompleteAsync(cancellationToken);
        await reading;
        return new ConversationRecord(audio, clips, sentAt, received);
    }
}

/// <summary>What was sent and what came back in one conversation.</summary>
internal sealed record ConversationRecord(
    short[] Audio,
    IReadOnlyList<(Clip Clip, long Start)> Clips,
    long[] SentAt,
    IReadOnlyList<(long At, TranslationEvent Event)> Received)
{
    /// <summary>When the client sent the message holding 16 kHz sample <paramref name="sample"/>.</summary>
    public long SentAtSample(long sample) => SentAt[(int)Math.Clamp(sample / ConversationDriver.ChunkSamples, 0, SentAt.Length - 1)];
}
