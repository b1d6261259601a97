namespace SpeechCluster.Engines.Translation;

/// <summary>
/// Several translators behind one: each pair goes to the first translator that offers it, so
/// translators are given best first (neural models before Apertium). Does not own them: whoever
/// created them disposes them.
/// </summary>
public sealed class CompositeTranslator : ITranslator
{
    private readonly Dictionary<(string From, string To), ITranslator> _routes = [];

    public CompositeTranslator(IEnumerable<ITranslator> translators)
    {
        ArgumentNullException.ThrowIfNull(translators);
        var pairs = new List<LanguagePair>();
        foreach (var translator in translators)
        {
            foreach (var pair in translator.Pairs)
            {
                if (_routes.TryAdd(Key(pair.From, pair.To), translator))
                {
                    pairs.Add(pair);
                }
            }
        }

        Pairs = pairs;
    }

    public IReadOnlyCollection<LanguagePair> Pairs { get; }

    public Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default) =>
        _routes.TryGetValue(Key(from, to), out var translator)
            ? translator.TranslateAsync(text, from, to, cancellationToken)
            : throw new NotSupportedException($"no translator on this machine translates {from} to {to}");

    public void Dispose()
    {
    }

    private static (string, string) Key(string from, string to) => (from.ToLowerInvariant(), to.ToLowerInvariant());
}
