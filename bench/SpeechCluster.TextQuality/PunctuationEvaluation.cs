namespace SpeechCluster.TextQuality;

/// <summary>
/// Sentence ends, question marks and word casing restored by TrueText, scored against the
/// well-formed original. Words are aligned by their lower-case form (a rewritten number that matches
/// nothing is skipped); a sentence end is a word followed by ".", "?" or "!".
/// </summary>
internal sealed class PunctuationEvaluation
{
    public F1Counts SentenceEnds { get; } = new();

    public F1Counts InnerSentenceEnds { get; } = new();

    public F1Counts Questions { get; } = new();

    public F1Counts Exclamations { get; } = new();

    public int CasedRight { get; private set; }

    public int CasedTotal { get; private set; }

    public Dictionary<string, int> CasingErrors { get; } = new(StringComparer.Ordinal);

    public double CasingAccuracy => (double)CasedRight / Math.Max(1, CasedTotal);

    public void Add(string original, string restored)
    {
        var gold = GoldWord.Split(original);
        var system = GoldWord.Split(restored);
        var next = 0;
        for (var g = 0; g < gold.Count; g++)
        {
            var found = -1;
            for (var k = next; k < Math.Min(system.Count, next + 4) && found < 0; k++)
            {
                if (Normalize(system[k].Key) == Normalize(gold[g].Key))
                {
                    found = k;
                }
            }

            var predicted = found >= 0 ? system[found] : null;
            if (found >= 0)
            {
                next = found + 1;
                CasedTotal++;
                if (predicted!.Written == gold[g].Written)
                {
                    CasedRight++;
                }
                else
                {
                    var error = $"{gold[g].Written}->{predicted.Written}";
                    CasingErrors[error] = CasingErrors.GetValueOrDefault(error) + 1;
                }
            }

            var goldMark = gold[g].EndMark;
            var mark = predicted?.EndMark ?? '\0';
            SentenceEnds.Add(goldMark != '\0', mark != '\0');
            if (g < gold.Count - 1)
            {
                InnerSentenceEnds.Add(goldMark != '\0', mark != '\0');
            }

            Questions.Add(goldMark == '?', mark == '?');
            Exclamations.Add(goldMark == '!', mark == '!');
        }
    }

    private static string Normalize(string key) => key.Replace("-", "", StringComparison.Ordinal).Replace("’", "'", StringComparison.Ordinal);
}
