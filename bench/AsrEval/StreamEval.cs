using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechCluster.Engines.Recognition;

namespace AsrEval;

/// <summary>
/// Drives the product recognizer as the session will: 100 ms chunks at real-time pace, the
/// trailing 400 ms of silence the endpointer listens to, then Finish. Measures Finish-to-final.
/// </summary>
internal static class StreamEval
{
    public static async Task RunAsync(IReadOnlyList<EvalClip> clips, PocketSphinxOptions options, string name, bool realTime)
    {
        using var recognizer = new PocketSphinxRecognizer(options, NullLogger<PocketSphinxRecognizer>.Instance);
        await recognizer.WarmUpAsync();
        var total = default(WordErrors);
        var partialTotal = default(WordErrors);
        var finishMs = new List<double>();
        var firstPartial = new List<double>();
        foreach (var clip in clips)
        {
            var audio = clip.Samples.Concat(new short[400 * 16]).ToArray();
            using var stream = await recognizer.OpenStreamAsync();
            var started = Stopwatch.GetTimestamp();
            var partial = string.Empty;
            double? first = null;
            for (var offset = 0; offset < audio.Length; offset += 1600)
            {
                if (realTime)
                {
                    var due = TimeSpan.FromSeconds(offset / 16000.0) - Stopwatch.GetElapsedTime(started);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }
                }

                partial = stream.AcceptAudio(audio.AsSpan(offset, Math.Min(1600, audio.Length - offset)));
                first ??= partial.Length > 0 ? (offset + 1600) / 16.0 : null;
            }

            var clock = Stopwatch.StartNew();
            var final = stream.Finish();
            finishMs.Add(clock.Elapsed.TotalMilliseconds);
            firstPartial.Add(first ?? double.NaN);
            var errors = WordErrors.Count(clip.Reference, final.Text);
            total += errors;
            partialTotal += WordErrors.Count(clip.Reference, partial);
            if (Environment.GetEnvironmentVariable("ASREVAL_VERBOSE") == "1")
            {
                Console.WriteLine($"    {clip.Id}: {clock.Elapsed.TotalMilliseconds,5:F0} ms {errors.Rate * 100,4:F0}% {final.Text}");
            }
        }

        var sorted = finishMs.Order().ToArray();
        Console.WriteLine(
            $"{name,-28} final {total}  last partial {partialTotal.Rate * 100,5:F1}%  Finish-to-final ms median {sorted[sorted.Length / 2],5:F0} " +
            $"p90 {sorted[(int)(sorted.Length * 0.9)],5:F0} max {sorted[^1],5:F0}  first partial at {firstPartial.Order().ElementAt(firstPartial.Count / 2):F0} ms of audio (median)  " +
            $"decoders created {recognizer.DecodersCreated}, leased after {recognizer.DecodersLeased}");
    }
}
