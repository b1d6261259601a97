using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Recognition of one locale with a shared <see cref="WhisperModel"/>: the language token comes from
/// the locale (<c>es-ES</c> → <c>&lt;|es|&gt;</c>). Thread-safe and cheap: create one per locale;
/// streams hold no session, only their audio, and the model gathers their decodes into batches.
/// </summary>
public sealed class WhisperRecognizer : ILanguageDetectingRecognizer
{
    private readonly WhisperModel _model;
    private readonly WhisperOptions _options;
    private readonly WhisperCandidates _candidates;

    /// <exception cref="NotSupportedException">The model does not know the locale's language.</exception>
    public WhisperRecognizer(WhisperModel model, string locale, WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PartialInterval, TimeSpan.Zero, nameof(WhisperOptions.PartialInterval));
        _model = model;
        _options = options;
        Locale = locale;
        _candidates = new WhisperCandidates(model, [locale]);
        Language = _candidates.Languages[0];
    }

    public string Locale { get; }

    public string Model => _model.Name;

    /// <summary>Whisper's code for the language, e.g. <c>es</c>.</summary>
    public string Language { get; }

    public bool CanDetect => _model.IsMultilingual;

    public IRecognitionStream OpenStream() => new WhisperStream(_model, _candidates, _options);

    public ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(OpenStream());
    }

    public ISpeechRecognizer DetectingAmong(IReadOnlyList<string> locales) => new WhisperDetectingRecognizer(_model, locales, _options);

    /// <summary>Nothing to free: the model is shared and owned by whoever loaded it.</summary>
    public void Dispose()
    {
    }
}
