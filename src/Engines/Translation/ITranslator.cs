namespace SpeechCluster.Engines.Translation;

/// <summary>A text translator. Thread-safe.</summary>
public interface ITranslator : IDisposable
{
    /// <summary>Every (from, to) pair it can translate, pivots included; languages are ISO 639-1 codes such as <c>en</c>, <c>es</c>.</summary>
    IReadOnlyCollection<LanguagePair> Pairs { get; }

    /// <summary>Translates one segment (a sentence or a partial hypothesis).</summary>
    /// <exception cref="NotSupportedException">The pair is not in <see cref="Pairs"/>.</exception>
    Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default);
}

/// <summary>A translation direction. <paramref name="Pivot"/> names the language it passes through, if any.</summary>
public sealed record LanguagePair(string From, string To, string? Pivot = null);
