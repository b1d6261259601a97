using System.Collections.Concurrent;

namespace SpeechCluster.Engines.Recognition;

/// <summary>
/// The recognizers of a machine by locale. Given best first: when two recognize one locale (a
/// Whisper model and PocketSphinx for English) the earlier one serves it. Thread-safe.
/// </summary>
/// <remarks>
/// A locale list (<c>en-US,es-ES</c>) asks for a recognizer that detects which of them is spoken:
/// the recognizers serving them must all be one detecting model's. It is made once per set of
/// locales, whatever their order, and kept; it holds nothing but a reference to the shared model.
/// </remarks>
public sealed class RecognizerDirectory(IEnumerable<ISpeechRecognizer> recognizers)
{
    /// <summary>Separates the candidate locales of a detecting recognizer's key.</summary>
    public const char CandidateSeparator = ',';

    private readonly IReadOnlyList<ISpeechRecognizer> _recognizers = [.. recognizers.DistinctBy(r => r.Locale, StringComparer.OrdinalIgnoreCase)];
    private readonly ConcurrentDictionary<string, Lazy<ISpeechRecognizer>> _detecting = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ISpeechRecognizer> All => _recognizers;

    /// <summary>The key of a detecting recognizer for <paramref name="locales"/>: sorted, so that any order finds the same one.</summary>
    public static string CandidateKey(IEnumerable<string> locales) =>
        string.Join(CandidateSeparator, locales.Order(StringComparer.OrdinalIgnoreCase));

    /// <param name="locale">One locale, or several separated by <see cref="CandidateSeparator"/> for a detecting recognizer.</param>
    /// <exception cref="NotSupportedException">
    /// No recognizer here serves <paramref name="locale"/>, or, for several, no one detecting model serves them all.
    /// </exception>
    public ISpeechRecognizer For(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        if (!locale.Contains(CandidateSeparator, StringComparison.Ordinal))
        {
            return Single(locale);
        }

        var key = CandidateKey(locale.Split(CandidateSeparator, StringSplitOptions.TrimEntries));
        return _detecting.GetOrAdd(key, k => new Lazy<ISpeechRecognizer>(() => Detecting(k))).Value;
    }

    private ISpeechRecognizer Single(string locale) =>
        _recognizers.FirstOrDefault(r => r.Locale.Equals(locale, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotSupportedException($"no recognizer for {locale} on this silo");

    private ISpeechRecognizer Detecting(string key)
    {
        var served = key.Split(CandidateSeparator).Select(Single).ToList();
        if (served.Count < 2 || served.DistinctBy(r => r.Locale, StringComparer.OrdinalIgnoreCase).Count() != served.Count)
        {
            throw new NotSupportedException($"detecting among {key} needs two or more different locales");
        }

        if (served[0] is not ILanguageDetectingRecognizer { CanDetect: true } first || served.Any(r => r.Model != first.Model))
        {
            var models = string.Join(", ", served.Select(r => $"{r.Locale}: {r.Model}"));
            throw new NotSupportedException($"no model on this silo detects among {key} ({models}): it takes one multilingual model serving them all");
        }

        return first.DetectingAmong([.. served.Select(r => r.Locale)]);
    }
}
