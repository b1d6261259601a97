using System.Text.RegularExpressions;
using SpeechCluster.TestSupport;

namespace AsrEval;

/// <summary>A recording with its reference transcript (bracketed annotations removed).</summary>
internal sealed partial record EvalClip(string Id, short[] Samples, string Reference)
{
    public double Seconds => Samples.Length / 16000.0;

    /// <summary>The 15 English dev clips (from /work/shared) and the 5 LibriVox test recordings.</summary>
    public static List<EvalClip> LoadAll(string devFolder)
    {
        var clips = new List<EvalClip>();
        foreach (var line in File.ReadLines(Path.Combine(devFolder, "index.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields[1] != "en")
            {
                continue;
            }

            var reference = File.ReadAllText(Path.Combine(devFolder, fields[0] + ".txt"));
            var (samples, rate) = TestSpeech.ReadWav(Path.Combine(devFolder, fields[0] + ".wav"));
            if (rate != 16000)
            {
                throw new InvalidDataException($"{fields[0]}: {rate} Hz");
            }

            clips.Add(new EvalClip(fields[0], samples, Annotation().Replace(reference, " ").Trim()));
        }

        clips.AddRange(TestSpeech.LibriVox.Select(r => new EvalClip("librivox-" + r.Id[^4..], r.Samples, r.Transcript)));
        return clips;
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Annotation();
}
