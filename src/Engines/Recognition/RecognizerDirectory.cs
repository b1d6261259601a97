namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// The recognizers of a machine by locale. Given best first: when two recognize one locale (a
/// Whisper model and PocketSphinx for English) the earlier one serves it.
/// </summary>
public sealed class RecognizerDirectory(IEnumerable<ISpeechRecognizer> recognizers)
{
    private readonly IReadOnlyList<ISpeechRecognizer> _recognizers = [.. recognizers.DistinctBy(r => r.Locale, StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<ISpeechRecognizer> All => _recognizers;

    /// <exception cref="NotSupportedException">No recognizer here serves <paramref name="locale"/>.</exception>
    public ISpeechRecognizer For(string locale) =>
        _recognizers.FirstOrDefault(r => r.Locale.Equals(locale, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotSupportedException($"no recognizer for {locale} on this silo");
}
