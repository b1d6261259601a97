namespace SpeechCluster.TextQuality;

/// <summary>True positives, false positives and false negatives of a yes/no decision.</summary>
internal sealed class F1Counts
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public double Precision => (double)TruePositives / Math.Max(1, TruePositives + FalsePositives);

    public double Recall => (double)TruePositives / Math.Max(1, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(bool gold, bool predicted)
    {
        if (gold && predicted)
        {
            TruePositives++;
        }
        else if (predicted)
        {
            FalsePositives++;
        }
        else if (gold)
        {
            FalseNegatives++;
        }
    }
}
