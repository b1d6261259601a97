namespace SpeechCluster.Grains.Interfaces.Workers;

/// <summary>
/// Worker grain keys that carry the capability the call needs (a locale to recognise, a pair to
/// translate, a voice or language to speak), so that placement can pick a silo that has it: in a
/// cluster whose silos run different models, the engine alone does not say which silo can serve
/// Spanish. The capability comes first, up to <see cref="Separator"/>.
/// </summary>
public static class WorkerKeys
{
    public const char Separator = '|';

    /// <summary>Separates the locales of a candidate set (the same character as the engines' RecognizerDirectory uses).</summary>
    public const char CandidateSeparator = ',';

    /// <summary>
    /// One utterance's recognizer: <c>es-ES|{session}/{epoch}/{utterance}/{attempt}</c>, or with a
    /// candidate set (<see cref="CandidateSet"/>) in place of the locale when the language is detected.
    /// </summary>
    public static string Recognition(string locale, string utterance) => locale + Separator + utterance;

    /// <summary>
    /// The capability of a recognizer that detects which of <paramref name="locales"/> is spoken:
    /// <c>en-US,es-ES</c>, sorted so that every order of one set is one capability.
    /// </summary>
    public static string CandidateSet(IEnumerable<string> locales) =>
        string.Join(CandidateSeparator, locales.Order(StringComparer.OrdinalIgnoreCase));

    /// <summary>The translation workers of one direction: <c>en&gt;es|</c>.</summary>
    public static string Translation(string from, string to) => $"{from}>{to}{Separator}";

    /// <summary>The synthesis workers of one voice, or of a language's default voice: <c>es-ES-PiperDavefx|</c>, <c>es|</c>.</summary>
    public static string Synthesis(string? voice, string language) => (voice ?? language) + Separator;

    /// <summary>The capability a key asks for; "" for keys without one.</summary>
    public static string CapabilityOf(string key)
    {
        var end = key.IndexOf(Separator, StringComparison.Ordinal);
        return end < 0 ? "" : key[..end];
    }
}
