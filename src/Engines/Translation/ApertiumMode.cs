namespace SpeechCluster.Engines.Translation;

/// <summary>One translation direction as an installed Apertium mode file describes it.</summary>
/// <param name="Name">The mode's name, e.g. <c>eng-spa</c>.</param>
/// <param name="From">Source language, ISO 639-1 where one exists (<c>en</c>).</param>
/// <param name="To">Target language, ISO 639-1 where one exists (<c>es</c>).</param>
/// <param name="FilePath">The <c>.mode</c> file.</param>
internal sealed record ApertiumMode(string Name, string From, string To, string FilePath);
