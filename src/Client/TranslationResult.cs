namespace SpeechCluster.Client;

/// <summary>A partial or final result: one JSON text message of the server.</summary>
public sealed record TranslationResult : TranslationEvent
{
    /// <summary><c>final</c> or <c>partial</c> (the protocol defines no other).</summary>
    public required string Type { get; init; }

    /// <summary>Utterance id: <c>"0"</c>, <c>"1"</c>… for finals, <c>"&lt;utterance&gt;.&lt;n&gt;"</c> for partials.</summary>
    public required string Id { get; init; }

    /// <summary>Recognized source text; may be empty (a false recognition).</summary>
    public string Recognition { get; init; } = "";

    /// <summary>Translation into the first target language, when sent.</summary>
    public string? Translation { get; init; }

    /// <summary>Multi-target extension: every target language to its translation. Empty when not sent.</summary>
    public IReadOnlyDictionary<string, string> Translations { get; init; } = EmptyTranslations;

    /// <summary>Start of the recognized span in ticks of 100 ns from the start of the stream (TimingInfo).</summary>
    public long? AudioTimeOffset { get; init; }

    /// <summary>Duration of the span in ticks of 100 ns (TimingInfo).</summary>
    public long? AudioTimeSize { get; init; }

    /// <summary>Byte offset of the span in the PCM stream (TimingInfo).</summary>
    public long? AudioStreamPosition { get; init; }

    /// <summary>Byte length of the span (TimingInfo).</summary>
    public long? AudioSizeBytes { get; init; }

    /// <summary>Word timings extension: per-word offsets on finals. Empty when not sent.</summary>
    public IReadOnlyList<WordTiming> Words { get; init; } = [];

    /// <summary>
    /// Detection extension (<see cref="SpeechTranslationOptions.From"/> with several locales): the locale the
    /// utterance was heard in, e.g. <c>es-ES</c>. Null when not sent.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>The message exactly as received.</summary>
    public required string Json { get; init; }

    public bool IsFinal => string.Equals(Type, "final", StringComparison.OrdinalIgnoreCase);

    public bool IsPartial => string.Equals(Type, "partial", StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="AudioTimeOffset"/> as a time span (ticks are the same unit).</summary>
    public TimeSpan? Offset => AudioTimeOffset is { } ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary><see cref="AudioTimeSize"/> as a time span.</summary>
    public TimeSpan? Duration => AudioTimeSize is { } ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The translation into <paramref name="language"/>: from the map, or <see cref="Translation"/> when
    /// <paramref name="language"/> is the first target and the server sent no map.</summary>
    public string? TranslationFor(string language, bool isFirstTarget) =>
        Translations.TryGetValue(language, out var text) ? text : isFirstTarget ? Translation : null;

    private static readonly IReadOnlyDictionary<string, string> EmptyTranslations =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
