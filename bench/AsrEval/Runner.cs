using System.Diagnostics;
using SpeechCluster.Engines.Recognition.PocketSphinx;

namespace AsrEval;

/// <summary>Streams one clip through a decoder the way a variant says.</summary>
internal static class Runner
{
    private const int ChunkSamples = 1600;

    public static ClipRun Run(PocketSphinxDecoder decoder, Variant variant, short[] audio, int speechSamples, string clipId = "")
    {
        audio = variant.Gain == GainMode.OraclePeak ? Level.ScaleToPeak(audio, Level.Peak(audio)) : audio;
        return variant.Mode switch
        {
            Mode.Batch => RunBatch(decoder, audio),
            Mode.LiveDrift => DriftRunner.Run(decoder, variant, audio),
            Mode.LivePrimed => PrimedRunner.Run(decoder, variant, audio, clipId),
            _ => RunLive(decoder, variant, audio, speechSamples),
        };
    }

    private static ClipRun RunBatch(PocketSphinxDecoder decoder, short[] audio)
    {
        decoder.CepstralMean?.RestoreBatchMode();
        var clock = Stopwatch.StartNew();
        var cpu = ThreadCpu.Milliseconds();
        decoder.StartUtterance();
        decoder.Process(audio, wholeUtterance: true);
        decoder.EndUtterance();
        var final = decoder.Hypothesis();
        return new ClipRun(final, string.Empty, 0, 0, clock.Elapsed.TotalMilliseconds, 0, audio.Length / 16000.0, ThreadCpu.Milliseconds() - cpu);
    }

    /// <summary>The mean that batch CMN computes for the whole clip (decodes it once on the side).</summary>
    private static float[] BatchMean(PocketSphinxDecoder decoder, short[] audio)
    {
        var cmn = decoder.CepstralMean!;
        RunBatch(decoder, audio);
        var mean = new float[cmn.Length];
        cmn.GetMean(mean);
        return mean;
    }

    private static ClipRun RunLive(PocketSphinxDecoder decoder, Variant variant, short[] audio, int speechSamples)
    {
        var cmn = decoder.CepstralMean;
        var running = variant.Mode == Mode.LiveRunning && cmn is not null;
        var gain = new RunningGain();
        var streamCpu = 0.0;
        var partial = string.Empty;
        int partials = 0, revisions = 0;
        var restarts = new Queue<int>(variant.Restarts(speechSamples).Order());
        var mean = new float[cmn?.Length ?? 13];
        var oracle = variant.Mode is Mode.LiveOracle or Mode.LiveOracleHalfC0 or Mode.LiveOracleHalfRest ? BatchMean(decoder, audio) : null;
        if (variant.Mode is Mode.LiveOracleHalfC0 or Mode.LiveOracleHalfRest)
        {
            var half = BatchMean(decoder, audio[..(speechSamples / 2)]);
            for (var i = 0; i < half.Length; i++)
            {
                if ((i == 0) == (variant.Mode == Mode.LiveOracleHalfC0))
                {
                    oracle![i] = half[i];
                }
            }
        }


        decoder.StartUtterance();
        if (running)
        {
            cmn!.ResetAccumulator();
        }

        for (var offset = 0; offset < audio.Length; offset += ChunkSamples)
        {
            var chunk = audio.AsSpan(offset, Math.Min(ChunkSamples, audio.Length - offset)).ToArray();
            if (variant.Gain == GainMode.RunningPeak)
            {
                chunk = gain.Apply(chunk);
            }

            var start = ThreadCpu.Milliseconds();
            if (oracle is not null)
            {
                cmn!.SetMean(oracle);
            }

            decoder.Process(chunk);
            if (running)
            {
                cmn!.ApplyAccumulatedMean();
            }

            if (restarts.Count > 0 && offset + chunk.Length >= restarts.Peek())
            {
                // Re-decode the start with the mean of the start itself, then carry on.
                restarts.Dequeue();
                cmn!.GetMean(mean);
                decoder.EndUtterance();
                decoder.StartUtterance();
                cmn.ResetAccumulator();
                cmn.SetMean(mean);
                decoder.Process(gain.Replay(audio.AsSpan(0, offset + chunk.Length), variant.Gain == GainMode.RunningPeak));
                cmn.ApplyAccumulatedMean();
            }

            var hypothesis = decoder.Hypothesis();
            streamCpu += ThreadCpu.Milliseconds() - start;
            if (hypothesis != partial)
            {
                partials++;
                revisions += hypothesis.StartsWith(partial, StringComparison.Ordinal) ? 0 : 1;
                partial = hypothesis;
            }
        }

        cmn?.GetMean(mean);
        var clock = Stopwatch.StartNew();
        var finalCpu = ThreadCpu.Milliseconds();
        decoder.EndUtterance();
        var final = decoder.Hypothesis();
        var finalMs = clock.Elapsed.TotalMilliseconds;
        finalCpu = ThreadCpu.Milliseconds() - finalCpu;
        if (Environment.GetEnvironmentVariable("ASREVAL_MEANS") == "1" && cmn is not null)
        {
            var batch = BatchMean(decoder, audio);
            Console.WriteLine($"      live  {string.Join(" ", mean.Select(m => $"{m,6:F2}"))}");
            Console.WriteLine($"      batch {string.Join(" ", batch.Select(m => $"{m,6:F2}"))}");
        }

        return new ClipRun(final, partial, partials, revisions, finalMs, streamCpu, audio.Length / 16000.0, finalCpu);
    }
}
