using SpeechCluster.Engines.Text;

namespace SpeechCluster.TextQuality;

/// <summary>Runs the measurements and writes them as a Markdown report (also printed).</summary>
internal sealed partial class Report(Arguments arguments)
{
    private readonly StringBuilder _markdown = new();
    private readonly List<string> _summary = [];

    private string TatoebaEnglish => Path.Combine(arguments.DataDirectory, "mt", "tatoeba-dev.eng");

    private string TatoebaSpanish => Path.Combine(arguments.DataDirectory, "mt", "tatoeba-dev.spa");

    public void ChrFSelfCheck()
    {
        Section("chrF implementation check (sacreBLEU's test values)");
        Line("| case | expected | computed |");
        Line("|---|---:|---:|");
        foreach (var (name, expected, actual) in ChrF.SelfCheck())
        {
            Line($"| {name} | {expected:F4} | {actual:F4} |");
            if (Math.Abs(expected - actual) > 1e-4)
            {
                throw new InvalidOperationException($"chrF self-check failed: {name}: expected {expected}, got {actual}");
            }
        }
    }

    public void Disfluency(TrueText trueText)
    {
        var tsv = Path.Combine(arguments.DataDirectory, "disfluency", "turns_disfluent_vs_fluent.tsv");
        Section("Disfluency removal (Switchboard, Shriberg's hand annotation)");
        Line($"Data: `{tsv}`, the annotation column; each turn lower-case without punctuation, DisfluencyMode.Labeled, final.");
        Line("A removed word is correct when the annotation has it as a filler `{F}`, an editing term `{E}` or a reparandum `[X +`.");
        Line("Repetition = a reparandum that the repair begins with (`[ the, + the ]`).");
        Line("");
        Line("| input | turns | removed | precision | recall fillers | recall repetitions | recall fillers+repetitions | recall restarts |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        DisfluencyEvaluation? main = null;
        foreach (var keep in new[] { false, true })
        {
            var e = DisfluencyEvaluation.Run(trueText, tsv, keep);
            main ??= e;
            Line($"| {(keep ? "cut-offs marked (\"wh-\")" : "no cut-off marks (as PocketSphinx)")} | {e.Turns} | {e.Removed} | {e.Precision:F3} | {e.Recall(GoldLabel.Filler):F3} | {e.Recall(GoldLabel.Repetition):F3} | {e.Recall(GoldLabel.Filler, GoldLabel.Repetition):F3} | {e.Recall(GoldLabel.Restart):F3} |");
        }

        Line("");
        Line("Words removed that the annotation keeps (most frequent): " + string.Join(", ", main!.WrongRemovals.OrderByDescending(p => p.Value).Take(12).Select(p => $"{p.Key} ×{p.Value}")));
        Target("disfluency precision", main.Precision, 0.95);
        Target("disfluency recall, fillers", main.Recall(GoldLabel.Filler), 0.85);
        Target("disfluency recall, repetitions", main.Recall(GoldLabel.Repetition), 0.85);
    }

    public void PunctuationAndCasing(TrueText trueText)
    {
        var lines = File.ReadAllLines(TatoebaEnglish);
        var evaluation = new PunctuationEvaluation();
        foreach (var line in lines)
        {
            var restored = trueText.Process(new TrueTextRequest
            {
                Text = GoldWord.Strip(line), Language = "en", IsFinal = true, ProfanityAction = ProfanityAction.NoAction,
            }).Text;
            evaluation.Add(line, restored);
        }

        Section("Punctuation and casing (Tatoeba English, lower-cased, punctuation stripped)");
        Line($"Data: `{TatoebaEnglish}`, {lines.Length} lines, each one final.");
        Line("");
        Line("| measure | precision | recall | F1 |");
        Line("|---|---:|---:|---:|");
        Row("sentence ends (. ? !)", evaluation.SentenceEnds);
        Row("sentence ends inside a line", evaluation.InnerSentenceEnds);
        Row("question marks", evaluation.Questions);
        Row("exclamation marks", evaluation.Exclamations);
        Line("");
        Line($"Word casing accuracy: {evaluation.CasingAccuracy:F4} ({evaluation.CasedRight} of {evaluation.CasedTotal} words).");
        Line("");
        Line("Most frequent casing errors (expected->written): " + string.Join(", ", evaluation.CasingErrors.OrderByDescending(p => p.Value).Take(20).Select(p => $"{p.Key} ×{p.Value}")));
        Target("sentence-end F1", evaluation.SentenceEnds.F1, 0.85);
        Target("question-mark F1", evaluation.Questions.F1, 0.85);
        Target("word casing accuracy", evaluation.CasingAccuracy, 0.97);

        void Row(string name, F1Counts counts) => Line($"| {name} | {counts.Precision:F3} | {counts.Recall:F3} | {counts.F1:F3} |");
    }

    public void Write()
    {
        var header = new StringBuilder();
        header.AppendLine("# TrueText quality report");
        header.AppendLine();
        header.AppendLine(CultureInfo.InvariantCulture, $"Generated {DateTime.UtcNow:yyyy-MM-dd} by `dotnet run -c Release --project bench/SpeechCluster.TextQuality`; {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}.");
        header.AppendLine();
        header.AppendLine("| target | measured | goal | met |");
        header.AppendLine("|---|---:|---:|:---:|");
        foreach (var row in _summary)
        {
            header.AppendLine(row);
        }

        var text = header + _markdown.ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(arguments.OutputFile)!);
        File.WriteAllText(arguments.OutputFile, text);
        Console.WriteLine(text);
        Console.WriteLine($"(written to {arguments.OutputFile})");
    }

    private void Target(string name, double measured, double goal, string format = "F3", bool atMost = false) =>
        _summary.Add($"| {name} | {measured.ToString(format, CultureInfo.InvariantCulture)} | {(atMost ? "≤" : "≥")} {goal.ToString(format, CultureInfo.InvariantCulture)} | {((atMost ? measured <= goal : measured >= goal) ? "yes" : "**no**")} |");

    private void Section(string title)
    {
        _markdown.AppendLine();
        _markdown.AppendLine("## " + title);
        _markdown.AppendLine();
        Console.Error.WriteLine($"[truetext-quality] {title}");
    }

    private void Line(string text) => _markdown.AppendLine(text);
}
