using System.Globalization;
using System.Text.RegularExpressions;
using SpeechCluster.TestSupport;

namespace SpeechCluster.Bench;

/// <summary>A recording with its reference transcript, as 16 kHz mono samples.</summary>
internal sealed partial record Clip(string Id, short[] Samples, string Reference)
{
    public double Seconds => Samples.Length / 16000.0;

    /// <summary>
    /// The English clips of the development set (../shared/eval/dev/speech) when it is there;
    /// otherwise the LibriVox recordings of Debian's pocketsphinx-testdata.
    /// </summary>
    public static (string Source, IReadOnlyList<Clip> Clips) Load(string? evalDirectory)
    {
        var folder = evalDirectory ?? FindSharedEval();
        if (folder is not null && File.Exists(Path.Combine(folder, "index.tsv")))
        {
            var clips = File.ReadLines(Path.Combine(folder, "index.tsv")).Skip(1)
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length > 1 && fields[1] == "en")
                .Select(fields => FromFiles(folder, fields[0]))
                .ToList();
            return (folder, clips);
        }

        var libriVox = TestSpeech.LibriVox.Select(r => new Clip(r.Id, r.Samples, r.Transcript)).ToList();
        return (TestSpeech.PocketSphinxTestData + "/librivox", libriVox);
    }

    private static Clip FromFiles(string folder, string id)
    {
        var (samples, rate) = TestSpeech.ReadWav(Path.Combine(folder, id + ".wav"));
        if (rate != 16000)
        {
            throw new InvalidDataException($"{id}: {rate.ToString(CultureInfo.InvariantCulture)} Hz, expected 16000");
        }

        // Meeting transcripts carry "[start-end speaker]" tags between turns.
        var reference = SpeakerTag().Replace(File.ReadAllText(Path.Combine(folder, id + ".txt")), " ").Trim();
        return new Clip(id, samples, reference);
    }

    private static string? FindSharedEval()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval", "dev", "speech");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex SpeakerTag();
}
