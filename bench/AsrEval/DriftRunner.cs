using System.Diagnostics;
using SpeechCluster.Engines.Recognition.PocketSphinx;

namespace AsrEval;

/// <summary>
/// Simulates the catch-up decoder: the result equals what a second decoder would produce, and the
/// lag at Finish is estimated from the CPU time of each re-decode (started when it was triggered).
/// </summary>
internal static class DriftRunner
{
    private const int ChunkSamples = 1600;

    public static ClipRun Run(PocketSphinxDecoder decoder, Variant variant, short[] audio)
    {
        var cmn = decoder.CepstralMean!;
        var sum = new double[cmn.Length];
        double frames = 0;
        var used = new float[cmn.Length];
        var current = new float[cmn.Length];
        var haveMean = false;
        var restarts = 0;
        var readyAtMs = 0.0;
        var streamCpu = 0.0;
        var partial = string.Empty;

        decoder.StartUtterance();
        cmn.ResetAccumulator();
        for (var offset = 0; offset < audio.Length; offset += ChunkSamples)
        {
            var end = Math.Min(offset + ChunkSamples, audio.Length);
            var cpu = ThreadCpu.Milliseconds();
            decoder.Process(audio.AsSpan(offset, end - offset));
            Accumulate(cmn, sum, ref frames);
            streamCpu += ThreadCpu.Milliseconds() - cpu;
            if (frames == 0)
            {
                continue;
            }

            for (var i = 0; i < current.Length; i++)
            {
                current[i] = (float)(sum[i] / frames);
            }

            if (!haveMean || Distance(current, used) > variant.Delta)
            {
                // Re-decode everything so far with the new mean; on a second thread this would
                // finish at (now + its CPU time), and then follow the live audio.
                current.CopyTo(used, 0);
                var redo = ThreadCpu.Milliseconds();
                decoder.EndUtterance();
                decoder.StartUtterance();
                cmn.SetMean(used);
                decoder.Process(audio.AsSpan(0, end));
                cmn.ResetAccumulator();
                var cost = ThreadCpu.Milliseconds() - redo;
                readyAtMs = Math.Max(readyAtMs, (end / 16.0) + cost);
                restarts += haveMean ? 1 : 0;
                haveMean = true;
            }

            cmn.SetMean(used);
            partial = decoder.Hypothesis();
        }

        var clock = Stopwatch.StartNew();
        var finalCpu = ThreadCpu.Milliseconds();
        decoder.EndUtterance();
        var final = decoder.Hypothesis();
        finalCpu = ThreadCpu.Milliseconds() - finalCpu;
        var lag = Math.Max(0, readyAtMs - (audio.Length / 16.0)) + finalCpu;
        return new ClipRun(final, partial, 0, 0, clock.Elapsed.TotalMilliseconds, streamCpu, audio.Length / 16000.0, finalCpu, restarts, lag);
    }

    private static void Accumulate(LiveCepstralMean cmn, double[] sum, ref double frames)
    {
        var chunk = new float[cmn.Length];
        var n = cmn.AccumulatedFrames;
        if (n > 0)
        {
            // The library's accumulator holds this chunk only: read and clear it so that it never
            // reaches its own 800-frame window (which would overwrite the mean).
            cmn.ApplyAccumulatedMean();
            cmn.GetMean(chunk);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += chunk[i] * n;
            }

            frames += n;
        }

        cmn.ResetAccumulator();
    }

    private static double Distance(float[] a, float[] b)
    {
        var d = (a[0] - b[0]) * (a[0] - b[0]) / 4.0;
        for (var i = 1; i < a.Length; i++)
        {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return Math.Sqrt(d);
    }
}
