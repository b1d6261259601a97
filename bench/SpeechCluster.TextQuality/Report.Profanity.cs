namespace SpeechCluster.TextQuality;

internal sealed partial class Report
{
    public void Profanity(SpeechCluster.Engines.Text.TrueText trueText) => ProfanitySection.Write(this, trueText);

    internal void AddLine(string text) => Line(text);

    internal void AddSection(string title) => Section(title);

    internal void AddTarget(string name, double measured, double goal, string format = "F3", bool atMost = false) => Target(name, measured, goal, format, atMost);

    internal string EnglishSentencesPath => TatoebaEnglish;

    internal string SpanishSentencesPath => TatoebaSpanish;

    internal string RepositoryRoot => arguments.RepositoryRoot;
}
