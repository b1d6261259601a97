using SpeechCluster.Engines.Text;

namespace SpeechCluster.TextQuality;

/// <summary>
/// Disfluency removal against Shriberg's hand annotation of 36 Switchboard calls: every turn goes in
/// lower-case without punctuation, TrueText labels what it removes, and each removed word is checked
/// against the annotation.
/// </summary>
internal sealed class DisfluencyEvaluation
{
    public int Removed { get; private set; }

    public int RemovedCorrectly { get; private set; }

    public Dictionary<GoldLabel, (int Total, int Removed)> ByLabel { get; } = [];

    public Dictionary<string, int> WrongRemovals { get; } = new(StringComparer.Ordinal);

    public int Turns { get; private set; }

    public double Precision => (double)RemovedCorrectly / Math.Max(1, Removed);

    public double Recall(params GoldLabel[] labels) =>
        (double)labels.Sum(l => ByLabel.GetValueOrDefault(l).Removed) / Math.Max(1, labels.Sum(l => ByLabel.GetValueOrDefault(l).Total));

    /// <param name="keepCutOffs">Keep the hyphen of cut-off words ("wh-"), as a transcribing recognizer writes them; PocketSphinx does not.</param>
    public static DisfluencyEvaluation Run(TrueText trueText, string tsvPath, bool keepCutOffs)
    {
        var evaluation = new DisfluencyEvaluation();
        foreach (var line in File.ReadLines(tsvPath).Skip(1))
        {
            var columns = line.Split('\t');
            var gold = SwitchboardAnnotation.Parse(columns[4]);
            if (!keepCutOffs)
            {
                gold = [.. gold.Select(g => (g.Word.TrimEnd('-'), g.Label)).Where(g => g.Item1.Length > 0)];
            }

            if (gold.Count == 0)
            {
                continue;
            }

            evaluation.Turns++;
            var input = string.Join(' ', gold.Select(g => g.Word));
            var output = trueText.Process(new TrueTextRequest { Text = input, Language = "en", IsFinal = true, Disfluency = DisfluencyMode.Labeled }).Text;
            var removed = LabeledOutput.RemovedFlags(gold.Select(g => g.Word).ToList(), output);
            for (var i = 0; i < gold.Count; i++)
            {
                var label = gold[i].Label;
                var (total, hit) = evaluation.ByLabel.GetValueOrDefault(label);
                evaluation.ByLabel[label] = (total + 1, hit + (removed[i] ? 1 : 0));
                if (removed[i])
                {
                    evaluation.Removed++;
                    if (label != GoldLabel.Fluent)
                    {
                        evaluation.RemovedCorrectly++;
                    }
                    else
                    {
                        evaluation.WrongRemovals[gold[i].Word] = evaluation.WrongRemovals.GetValueOrDefault(gold[i].Word) + 1;
                    }
                }
            }
        }

        return evaluation;
    }
}
