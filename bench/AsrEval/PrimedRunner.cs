using SpeechCluster.Engines.Recognition.PocketSphinx;

namespace AsrEval;

/// <summary>Running utterance mean blended with the previous same-speaker utterance's mean (weight in frames).</summary>
internal static class PrimedRunner
{
    private static readonly Dictionary<string, float[]> Priors = [];

    public static ClipRun Run(PocketSphinxDecoder decoder, Variant variant, short[] audio, string clipId)
    {
        var speaker = clipId.Split('_', '-')[0];
        var cmn = decoder.CepstralMean!;
        var sum = new double[cmn.Length];
        double frames = 0;
        var mean = new float[cmn.Length];
        Priors.TryGetValue(variant.Name + speaker, out var prior);
        decoder.StartUtterance();
        cmn.ResetAccumulator();
        if (prior is not null)
        {
            cmn.SetMean(prior);
        }

        for (var offset = 0; offset < audio.Length; offset += 1600)
        {
            decoder.Process(audio.AsSpan(offset, Math.Min(1600, audio.Length - offset)));
            frames += cmn.DrainAccumulator(sum);
            var w = prior is null ? 0 : variant.PriorFrames;
            if (frames + w > 0)
            {
                for (var i = 0; i < mean.Length; i++)
                {
                    mean[i] = (float)((sum[i] + (w * (prior?[i] ?? 0))) / (frames + w));
                }

                cmn.SetMean(mean);
            }
        }

        var final = new float[mean.Length];
        for (var i = 0; i < final.Length; i++)
        {
            final[i] = (float)(sum[i] / Math.Max(1, frames));
        }

        Priors[variant.Name + speaker] = final;
        decoder.EndUtterance();
        var text = decoder.Hypothesis();
        return new ClipRun(text, text, 0, 0, 0, 0, audio.Length / 16000.0, 0);
    }
}
