namespace SpeechCluster.Engines.Synthesis;

/// <summary>A voice as <c>espeak_ListVoices</c> describes it, copied out of the library's memory.</summary>
/// <param name="Name">e.g. <c>Spanish (Spain)</c>; <c>espeak_SetVoiceByName</c> accepts it.</param>
/// <param name="Identifier">Its file under espeak-ng-data, e.g. <c>roa/es</c>.</param>
/// <param name="Gender">0 none, 1 male, 2 female.</param>
/// <param name="Languages">Tags such as <c>en-gb</c> with their priority (lower is preferred).</param>
internal sealed record EspeakListedVoice(
    string Name, string Identifier, int Gender, IReadOnlyList<(int Priority, string Tag)> Languages);
