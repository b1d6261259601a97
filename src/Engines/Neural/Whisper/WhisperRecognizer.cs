using SpeechCluster.Engines.Recognition;

namespace SpeechCluster.Engines.Neural.Whisper;

/// <summary>
/// Recognition of one locale with a shared <see cref="WhisperModel"/>: the language token comes from
/// the locale (<c>es-ES</c> → <c>&lt;|es|&gt;</c>). Thread-safe and cheap: create one per locale;
/// streams hold no session, only their audio, and the model bounds concurrent decodes.
/// </summary>
public sealed class WhisperRecognizer : ISpeechRecognizer
{
    private readonly WhisperModel _model;
    private readonly WhisperOptions _options;
    private readonly int[] _prompt;

    /// <exception cref="NotSupportedException">The model does not know the locale's language.</exception>
    public WhisperRecognizer(WhisperModel model, string locale, WhisperOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PartialInterval, TimeSpan.Zero, nameof(WhisperOptions.PartialInterval));
        _model = model;
        _options = options;
        Locale = locale;
        Language = WhisperLanguages.FromLocale(locale);
        _prompt = model.Prompt(Language);
    }

    public string Locale { get; }

    /// <summary>Whisper's code for the language, e.g. <c>es</c>.</summary>
    public string Language { get; }

    public IRecognitionStream OpenStream() => new WhisperStream(_model, _prompt, _options);

    public ValueTask<IRecognitionStream> OpenStreamAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(OpenStream());
    }

    /// <summary>Nothing to free: the model is shared and owned by whoever loaded it.</summary>
    public void Dispose()
    {
    }
}
