using SpeechCluster.Engines.Translation;

namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// A translator over one or more loaded neural models (Marian: one direction each; NLLB-200: every
/// direction among its languages). A direction served by several models goes to the first given.
/// Owns the models. Thread-safe.
/// </summary>
public sealed class NeuralTranslator : ITranslator
{
    private readonly NeuralTranslationModel[] _models;
    private readonly Dictionary<(string From, string To), NeuralTranslationModel> _byPair = [];

    public NeuralTranslator(IEnumerable<NeuralTranslationModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = [.. models];
        foreach (var model in _models)
        {
            foreach (var pair in model.Pairs)
            {
                _byPair.TryAdd(Key(pair.From, pair.To), model);
            }
        }

        Pairs = [.. _byPair.Keys.Select(key => new LanguagePair(key.From, key.To))];
    }

    /// <inheritdoc />
    public IReadOnlyCollection<LanguagePair> Pairs { get; }

    /// <inheritdoc />
    public Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!_byPair.TryGetValue(Key(from, to), out var model))
        {
            throw new NotSupportedException($"No neural model translates {from} → {to}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult("");
        }

        return model.TranslateAsync(text.Trim(), from, to, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var model in _models)
        {
            model.Dispose();
        }
    }

    private static (string, string) Key(string from, string to) => (from.ToLowerInvariant(), to.ToLowerInvariant());
}
