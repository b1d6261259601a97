namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// The locales a <see cref="WhisperStream"/> may hear, with Whisper's code and prompt for each: one
/// for a stream of a fixed language, several for one that detects which is spoken. Immutable.
/// </summary>
internal sealed class WhisperCandidates
{
    /// <exception cref="NotSupportedException">The model does not know a locale's language, or two locales are one language to it.</exception>
    public WhisperCandidates(WhisperModel model, IReadOnlyList<string> locales)
    {
        ArgumentOutOfRangeException.ThrowIfZero(locales.Count);
        Locales = [.. locales];
        Languages = [.. locales.Select(WhisperLanguages.FromLocale)];
        Prompts = [.. Languages.Select(model.Prompt)];
        if (Languages.Distinct(StringComparer.Ordinal).Count() != Languages.Count)
        {
            throw new NotSupportedException($"Whisper cannot tell {string.Join(", ", locales)} apart: two of them are one language to it.");
        }
    }

    public IReadOnlyList<string> Locales { get; }

    /// <summary>Whisper's codes (<c>es</c>), in the order of <see cref="Locales"/>.</summary>
    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyList<int[]> Prompts { get; }

    /// <summary>Whether there is a choice to make: more than one locale.</summary>
    public bool Detects => Locales.Count > 1;
}
